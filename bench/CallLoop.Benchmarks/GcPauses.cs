namespace CallLoop.Benchmarks;

/// <summary>
/// How long this process's garbage collector paused it during a row, how many collections of each generation ran, and
/// what each collection kept (the bytes it promoted) on how large a heap: a tail that the pauses explain is the heap's,
/// not the write path's, and the promoted bytes say whether a pause's length comes from what survives or from the heap.
/// </summary>
public sealed class GcPauses : IDisposable
{
    /// <summary>How often the watcher looks for a new collection.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    private readonly (TimeSpan Paused, int Gen0, int Gen1, int Gen2, long Allocated) start = Now();
    private readonly long startIndex = GC.GetGCMemoryInfo(GCKind.Any).Index;
    private readonly Dictionary<long, GCMemoryInfo> seen = [];
    private readonly List<(long SeenAt, TimeSpan Pause)> pauses = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task watching;

    private GcPauses() => watching = WatchAsync();

    /// <summary><c>--gc-sequence</c>: each row also prints every collection in order (generation, pause, promoted MiB).</summary>
    public static bool PrintSequence { get; set; }

    public static GcPauses Start() => new();

    /// <summary>
    /// Each collection seen: when the watcher saw it (a <see cref="System.Diagnostics.Stopwatch"/> timestamp, at most
    /// one poll after it ended) and its pause. Complete once <see cref="Stop"/> has returned.
    /// </summary>
    public IReadOnlyList<(long SeenAt, TimeSpan Pause)> Pauses => pauses;

    /// <summary>What the collector did since <see cref="Start"/>, as a note: the pauses' share of the row's wall time.</summary>
    public string Stop(TimeSpan wall)
    {
        stop.Cancel();
        watching.GetAwaiter().GetResult();
        var now = Now();
        var paused = now.Paused - start.Paused;
        var allocated = (now.Allocated - start.Allocated) / 1024.0 / 1024.0 / wall.TotalSeconds;
        return $"GC paused {paused.TotalMilliseconds:N0} ms ({paused / wall:P1} of the row) in {now.Gen0 - start.Gen0:N0} collections " +
               $"({now.Gen1 - start.Gen1:N0} of gen1 or 2, {now.Gen2 - start.Gen2:N0} of gen2), {allocated:N0} MiB/s allocated{PerCollection()}";
    }

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
    }

    /// <summary>Per generation of the collections seen: their mean pause and promoted bytes, and the heap after them.</summary>
    private string PerCollection()
    {
        var byGeneration = seen.Values
            .GroupBy(info => info.Generation)
            .OrderBy(group => group.Key)
            .Select(group =>
                $"gen{group.Key} ×{group.Count()}: pause {group.Average(i => i.PauseDurations[0].TotalMilliseconds):N0} ms, " +
                $"promoted {group.Average(i => i.PromotedBytes) / 1024 / 1024:N1} MiB, heap {group.Average(i => i.HeapSizeBytes) / 1024 / 1024:N0} MiB");
        var text = string.Join("; ", byGeneration);
        if (PrintSequence)
        {
            Console.WriteLine("GC sequence: " + string.Join(" ", seen.Values.OrderBy(i => i.Index).Select(i => $"g{i.Generation}:{i.PauseDurations[0].TotalMilliseconds:N0}ms/{i.PromotedBytes / 1024 / 1024}M")));
        }

        return text.Length == 0 ? string.Empty : $" [{text}]";
    }

    /// <summary>The runtime keeps the latest collection's details only: poll often enough to see each one.</summary>
    private async Task WatchAsync()
    {
        using var timer = new PeriodicTimer(Poll);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var info = GC.GetGCMemoryInfo(GCKind.Any);
                if (info.Index > startIndex && seen.TryAdd(info.Index, info))
                {
                    pauses.Add((System.Diagnostics.Stopwatch.GetTimestamp(), info.PauseDurations[0]));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static (TimeSpan Paused, int Gen0, int Gen1, int Gen2, long Allocated) Now() =>
        (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
}
