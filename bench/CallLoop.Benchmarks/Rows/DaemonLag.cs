using System.Diagnostics;
using CallLoop.Contracts.Subjects;
using CallLoop.EventStore.Projections;
using CallLoop.EventStore.Publication;
using Npgsql;

namespace CallLoop.Benchmarks.Rows;

/// <summary>
/// Whether the daemon keeps up with a given arrival rate: in a production silo, commands arrive open-loop at a fixed
/// rate (the write path's rate at concurrency 64 of the same run), whatever their latency, while the lag (the log's
/// last committed event minus the slowest shard's position, in events) is sampled. A daemon that follows keeps a flat
/// lag; one that cannot, a lag growing at the difference of the two rates. The load lasts
/// <see cref="BenchScale.LagDuration"/> after the warm-up, long enough for the pages' sawtooth to average out.
/// </summary>
public static class DaemonLag
{
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private const int MaxInFlight = 20_000;

    private static readonly string[] Names = [SubjectEventPublication.SubscriptionName, .. ProjectionNames.Async];

    public static async Task<Measurement> RunAsync(IGrainFactory grains, NpgsqlDataSource dataSource, BenchScale scale, double rate)
    {
        var length = scale.Warmup + scale.LagDuration;
        var lags = new List<(double Seconds, long Lag)>();
        var latencies = new List<long>();
        long errors = 0, dropped = 0;
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                lags.Add((clock.Elapsed.TotalSeconds, await LagAsync(dataSource)));
                await Task.Delay(Sample);
            }
        });

        var inFlight = new List<Task>();
        long sent = 0;
        using (var timer = new PeriodicTimer(Tick))
        {
            while (clock.Elapsed < length && await timer.WaitForNextTickAsync())
            {
                var due = (long)(rate * Math.Min(clock.Elapsed.TotalSeconds, length.TotalSeconds));
                inFlight.RemoveAll(t => t.IsCompleted);
                for (; sent < due; sent++)
                {
                    if (inFlight.Count >= MaxInFlight)
                    {
                        dropped++;
                        continue;
                    }

                    var n = sent;
                    inFlight.Add(Task.Run(async () =>
                    {
                        var id = SampleEvents.SubjectId(Random.Shared.Next(scale.Subjects));
                        var before = Stopwatch.GetTimestamp();
                        try
                        {
                            await grains.GetGrain<IDataSubjectGrain>(id).ExecuteAsync(SampleEvents.GrantConsent(id, n));
                            lock (latencies)
                            {
                                latencies.Add(Stopwatch.GetTimestamp() - before);
                            }
                        }
                        catch (Exception)
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }));
                }
            }
        }

        await Task.WhenAll(inFlight);
        var loadEnded = clock.Elapsed;
        var target = await DaemonProgress.HighSequenceAsync(dataSource);
        var caughtUp = await DaemonProgress.WaitForAllAsync(dataSource, Names, target, TimeSpan.FromMinutes(5));
        await stop.CancelAsync();
        await sampling;

        // Over the measured part (after the warm-up, up to the load's end): the largest lag, the last, and the trend.
        var measured = lags.Where(l => l.Seconds >= scale.Warmup.TotalSeconds && l.Seconds <= loadEnded.TotalSeconds).ToList();
        var slope = Slope(measured);
        var slowest = caughtUp.Values.Any(v => v is null) ? null : caughtUp.Values.Max();
        var grew = slope > rate * 0.02;
        return new Measurement(
            $"Daemon lag under the write path's concurrency-64 rate ({rate:N0} commands/s open-loop)",
            "commands/s",
            latencies.Count / loadEnded.TotalSeconds,
            LatencySummary.From(latencies),
            $"lag max {(measured.Count == 0 ? 0 : measured.Max(l => l.Lag)):N0}, at the end {(measured.Count == 0 ? 0 : measured[^1].Lag):N0} events, " +
            $"mean {MeanLag(measured, firstHalf: true):N0} then {MeanLag(measured, firstHalf: false):N0} events over the two halves, trend {slope:N0} events/s ({(grew ? "growing" : "not growing")}); " +
            $"all shards caught up {(slowest is { } s ? $"{s.TotalSeconds:N1} s" : "not within 5 min")} after the load; {errors} errors, {dropped} not sent");
    }

    /// <summary>The log's last committed event minus the slowest shard's position.</summary>
    private static async Task<long> LagAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "select (select coalesce(max(seq_id), 0) from privacy.mt_events) - coalesce(min(last_seq_id), 0) from privacy.mt_event_progression where name = any($1)");
        command.Parameters.AddWithValue(Names.Select(n => n + ":All").ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The mean lag over the first or the second half of the measured samples.</summary>
    private static double MeanLag(IReadOnlyList<(double Seconds, long Lag)> points, bool firstHalf)
    {
        var half = points.Count / 2;
        var part = firstHalf ? points.Take(half) : points.Skip(half);
        return part.Select(p => (double)p.Lag).DefaultIfEmpty(0).Average();
    }

    /// <summary>Least-squares slope of lag over time, in events per second.</summary>
    private static double Slope(IReadOnlyList<(double Seconds, long Lag)> points)
    {
        if (points.Count < 2)
        {
            return 0;
        }

        var meanT = points.Average(p => p.Seconds);
        var meanL = points.Average(p => (double)p.Lag);
        var covariance = points.Sum(p => (p.Seconds - meanT) * (p.Lag - meanL));
        var variance = points.Sum(p => (p.Seconds - meanT) * (p.Seconds - meanT));
        return variance == 0 ? 0 : covariance / variance;
    }
}
