using System.Diagnostics;

namespace CallLoop.Benchmarks;

/// <summary>Runs <c>concurrency</c> closed-loop callers for a while and records the latency of every operation after the warm-up.</summary>
public static class LoadRunner
{
    public static async Task<(double PerSecond, LatencySummary Latency, long Errors)> RunAsync(
        int concurrency, TimeSpan warmup, TimeSpan duration, Func<int, long, Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perCaller = new List<long>[concurrency];
        long errors = 0;

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(caller => Task.Run(async () =>
        {
            var latencies = perCaller[caller] = new List<long>(4096);
            for (long n = 0; ; n++)
            {
                var before = Stopwatch.GetTimestamp();
                if (before >= stopAt)
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

                if (before >= measureFrom)
                {
                    latencies.Add(Stopwatch.GetTimestamp() - before);
                }
            }
        })));

        var all = perCaller.SelectMany(l => l).ToArray();
        return (all.Length / duration.TotalSeconds, LatencySummary.From(all), errors);
    }
}
