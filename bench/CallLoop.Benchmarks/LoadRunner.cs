using System.Diagnostics;
using System.Runtime;

namespace CallLoop.Benchmarks;

/// <summary>
/// Runs <c>concurrency</c> closed-loop callers and records the latency of every operation after the warm-up, for the
/// row's duration. The warm-up lasts at least its given length and then until the JIT is quiet (under
/// <see cref="QuietJit"/> of compiling over the last <see cref="QuietFor"/>, tiered recompilation included), at most
/// <see cref="BenchScale.MaxWarmup"/>: a row that runs code paths new to the process (a fresh silo's daemon) measures them
/// compiled, as a long-running silo runs them, and not the compiler.
/// </summary>
public static class LoadRunner
{
    /// <summary>
    /// How long the JIT must have been quiet. One quiet second was not enough for a fresh silo's daemon: its tiered
    /// recompilation comes in waves, and the production row went on compiling for 672–1,054 ms of its measured window.
    /// </summary>
    public static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(3);

    /// <summary>How much compiling over <see cref="QuietFor"/> still counts as quiet: under 1% of one core.</summary>
    public static readonly TimeSpan QuietJit = TimeSpan.FromMilliseconds(25);

    private static readonly TimeSpan JitCheck = TimeSpan.FromMilliseconds(250);

    public static async Task<LoadResult> RunAsync(int concurrency, BenchScale scale, Func<int, long, Task> operation)
    {
        var window = new MeasuredWindow();
        var perCaller = new List<long>[concurrency];
        var completedAt = new List<long>[concurrency];
        long errors = 0;

        var callers = Task.WhenAll(Enumerable.Range(0, concurrency).Select(caller => Task.Run(async () =>
        {
            var latencies = perCaller[caller] = new List<long>(4096);
            var completions = completedAt[caller] = new List<long>(4096);
            for (long n = 0; ; n++)
            {
                var before = Stopwatch.GetTimestamp();
                if (before >= window.StopAt)
                {
                    return;
                }

                try
                {
                    await operation(caller, n);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                if (before >= window.MeasureFrom)
                {
                    var after = Stopwatch.GetTimestamp();
                    latencies.Add(after - before);
                    completions.Add(after);
                }
            }
        })));

        var (warmedUp, jitQuiet) = await WarmUpAsync(scale.Warmup, scale.MaxWarmup);
        var jit = JitInfo.GetCompilationTime();
        window.Open(scale.Duration);
        await callers;
        var all = perCaller.SelectMany(l => l).ToArray();
        return new LoadResult(all.Length / scale.Duration.TotalSeconds, LatencySummary.From(all), errors, warmedUp, jitQuiet, JitInfo.GetCompilationTime() - jit)
        {
            CompletedByCaller = completedAt,
        };
    }

    /// <summary>Waits out the warm-up: at least <paramref name="least"/>, then until <see cref="QuietFor"/> passes with the JIT quiet, at most <paramref name="most"/>.</summary>
    private static async Task<(TimeSpan Length, bool JitQuiet)> WarmUpAsync(TimeSpan least, TimeSpan most)
    {
        var clock = Stopwatch.StartNew();
        var compiled = new Queue<(TimeSpan At, TimeSpan Jit)>();
        while (true)
        {
            compiled.Enqueue((clock.Elapsed, JitInfo.GetCompilationTime()));
            while (compiled.Count > 1 && clock.Elapsed - compiled.Peek().At > QuietFor)
            {
                compiled.Dequeue();
            }

            var (since, jitThen) = compiled.Peek();
            var quiet = clock.Elapsed - since >= QuietFor - JitCheck
                && JitInfo.GetCompilationTime() - jitThen < QuietJit;
            if (clock.Elapsed >= least && (quiet || clock.Elapsed >= most))
            {
                return (clock.Elapsed, quiet);
            }

            await Task.Delay(JitCheck);
        }
    }

    /// <summary>When the callers start recording and when they stop; until the warm-up ends, neither comes (both are <c>long.MaxValue</c>).</summary>
    private sealed class MeasuredWindow
    {
        private long measureFrom = long.MaxValue;
        private long stopAt = long.MaxValue;

        public long MeasureFrom => Volatile.Read(ref measureFrom);

        public long StopAt => Volatile.Read(ref stopAt);

        public void Open(TimeSpan duration)
        {
            var now = Stopwatch.GetTimestamp();
            Volatile.Write(ref stopAt, now + (long)(duration.TotalSeconds * Stopwatch.Frequency));
            Volatile.Write(ref measureFrom, now);
        }
    }
}

/// <summary>
/// A load's result over its measured window; how long its warm-up ran, whether the JIT was quiet by then (false: the
/// warm-up reached <see cref="BenchScale.MaxWarmup"/>), and how much compiling still happened while it was measured.
/// </summary>
public sealed record LoadResult(double PerSecond, LatencySummary Latency, long Errors, TimeSpan Warmup, bool JitQuiet, TimeSpan JitWhileMeasured)
{
    /// <summary>When each caller's measured operations completed (<see cref="Stopwatch"/> timestamps): see <see cref="Stalls"/>.</summary>
    public IReadOnlyList<IReadOnlyList<long>> CompletedByCaller { get; init; } = [];

    /// <summary>For a row's note: the warm-up and the compiling in the measured window.</summary>
    public string WarmupNote =>
        $"warm-up {Warmup.TotalSeconds:N1} s{(JitQuiet ? string.Empty : " (the JIT never went quiet)")}, JIT {JitWhileMeasured.TotalMilliseconds:N0} ms while measured";
}
