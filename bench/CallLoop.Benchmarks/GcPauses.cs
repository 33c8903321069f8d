namespace CallLoop.Benchmarks;

/// <summary>
/// How long this process's garbage collector paused it during a row, and how many collections of each generation ran:
/// a tail that the pauses explain is the heap's, not the write path's.
/// </summary>
public readonly record struct GcPauses(TimeSpan Paused, int Gen0, int Gen1, int Gen2, long Allocated)
{
    public static GcPauses Start() => Now();

    /// <summary>What the collector did since <see cref="Start"/>, as a note: the pauses' share of the row's wall time.</summary>
    public string Stop(TimeSpan wall)
    {
        var now = Now();
        var paused = now.Paused - Paused;
        var allocated = (now.Allocated - Allocated) / 1024.0 / 1024.0 / wall.TotalSeconds;
        return $"GC paused {paused.TotalMilliseconds:N0} ms ({paused / wall:P1} of the row) in {now.Gen0 - Gen0:N0} collections ({now.Gen1 - Gen1:N0} of gen1 or 2, {now.Gen2 - Gen2:N0} of gen2), {allocated:N0} MiB/s allocated";
    }

    private static GcPauses Now() => new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
}
