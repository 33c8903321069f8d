using System.Diagnostics;

namespace CallLoop.Benchmarks.Rows;

/// <summary>Managed heap and resident memory that active subject grains add, scaled to 100,000 grains.</summary>
public sealed class GrainMemory
{
    private long heapBefore;
    private long residentBefore;

    public static GrainMemory Start()
    {
        var memory = new GrainMemory();
        (memory.heapBefore, memory.residentBefore) = Sample();
        return memory;
    }

    public Measurement Stop(int grains)
    {
        var (heap, resident) = Sample();
        var scale = 100_000.0 / grains;
        var heapMiB = (heap - heapBefore) * scale / (1024 * 1024);
        var residentMiB = (resident - residentBefore) * scale / (1024 * 1024);
        return new Measurement("Memory per 100,000 active grains", "MiB", heapMiB, LatencySummary.None,
            $"managed heap {heapMiB:N0} MiB, resident {residentMiB:N0} MiB (from {grains:N0} grains)");
    }

    private static (long Heap, long Resident) Sample()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
