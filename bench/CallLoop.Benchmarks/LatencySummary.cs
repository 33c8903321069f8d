using System.Diagnostics;

namespace CallLoop.Benchmarks;

/// <summary>Percentiles of operation latencies, in milliseconds.</summary>
public sealed record LatencySummary(double P50, double P99, double P999)
{
    public static LatencySummary None { get; } = new(double.NaN, double.NaN, double.NaN);

    public static LatencySummary From(IEnumerable<long> ticks)
    {
        var sorted = ticks.ToArray();
        if (sorted.Length == 0)
        {
            return None;
        }

        Array.Sort(sorted);
        return new(At(sorted, 0.50), At(sorted, 0.99), At(sorted, 0.999));
    }

    private static double At(long[] sorted, double quantile) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
}
