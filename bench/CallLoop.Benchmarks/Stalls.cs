using System.Diagnostics;

namespace CallLoop.Benchmarks;

/// <summary>
/// <c>--stalls</c>: the moments in a row when no operation completed for <see cref="Least"/> or longer, and whether a
/// garbage collection explains each. A closed loop's tail is made of such moments (every caller waits through one),
/// so this says what the p99 is made of: this process's collector, or something outside it (PostgreSQL, the disk).
/// </summary>
public static class Stalls
{
    /// <summary>The shortest gap counted: twice the write path's typical commit at concurrency 256.</summary>
    public static readonly TimeSpan Least = TimeSpan.FromMilliseconds(30);

    public static bool Print { get; set; }

    /// <summary>One line: how many stalls, how long, and how many overlap a collection's pause.</summary>
    public static string Describe(IEnumerable<IReadOnlyList<long>> completedByCaller, IReadOnlyList<(long SeenAt, TimeSpan Pause)> pauses)
    {
        var completedAt = completedByCaller.SelectMany(caller => caller).Order().ToArray();
        var atCollection = new List<double>();
        var elsewhere = new List<double>();
        for (var i = 1; i < completedAt.Length; i++)
        {
            var (from, to) = (completedAt[i - 1], completedAt[i]);
            var gap = Stopwatch.GetElapsedTime(from, to);
            if (gap < Least)
            {
                continue;
            }

            // A collection was seen at most one poll after it ended, so it ran within [seen - poll - pause, seen].
            var collected = pauses.Any(p => p.SeenAt > from && Stopwatch.GetElapsedTime(to, p.SeenAt) < GcPauses.Poll + p.Pause);
            (collected ? atCollection : elsewhere).Add(gap.TotalMilliseconds);
        }

        static string List(List<double> gaps) => gaps.Count == 0
            ? "none"
            : $"{gaps.Count} ({string.Join(", ", gaps.OrderDescending().Take(5).Select(g => g.ToString("N0")))}{(gaps.Count > 5 ? ", ..." : string.Empty)} ms)";
        return $"Stalls of {Least.TotalMilliseconds:N0} ms or more with nothing completing: during a collection {List(atCollection)}; elsewhere {List(elsewhere)}";
    }
}
