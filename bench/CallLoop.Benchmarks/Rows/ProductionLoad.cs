using System.Diagnostics;
using CallLoop.Contracts.Daemon;
using CallLoop.EventStore.Daemon;
using CallLoop.EventStore.Projections;
using CallLoop.EventStore.Publication;
using Npgsql;

namespace CallLoop.Benchmarks.Rows;

/// <summary>
/// Row 4 as production runs it: in the same silo, the async daemon folds every committed event into the
/// analysts' projections and publishes it to the partition streams (ADO.NET provider: each batch, many subjects'
/// events of one partition, a committed PostgreSQL row; or the in-memory provider, to price the queue). Commands still return at commit; the other rows are how fast the daemon's work
/// follows, and how far behind it is when the load stops.
/// </summary>
public static class ProductionLoad
{
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(5);

    private static readonly string[] Projections = [.. ProjectionNames.Async];

    /// <summary>
    /// Before the silo starts: the daemon begins at the log's end, its high-water mark with it, as in a silo that has run
    /// all along, so the rows measure their own events, not earlier rows' backlog.
    /// </summary>
    public static async Task PrepareAsync(NpgsqlDataSource dataSource)
    {
        foreach (var name in Projections.Append(SubjectEventPublication.SubscriptionName))
        {
            await DaemonProgress.SkipToEndAsync(dataSource, name);
        }

        await DaemonProgress.SkipHighWaterToEndAsync(dataSource);
    }

    /// <summary>
    /// Waits until every daemon shard runs and they are spread evenly over <paramref name="silos"/> silos, as the
    /// silos' layout places them (a second silo takes its half once it has joined, one hand-over at a time); says how
    /// they are split. Waiting for the first shard on the second silo only measured the row while the rest moved.
    /// </summary>
    public static async Task<string> WaitForShardsAsync(IGrainFactory grains, int silos)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (statuses, bySilo) = await SplitAsync(grains);
            if (bySilo.Sum() == statuses.Length && bySilo.Length == silos && bySilo[0] - bySilo[^1] <= 1)
            {
                return Describe(bySilo);
            }

            if (clock.Elapsed > CatchUpLimit)
            {
                var seen = string.Join("; ", statuses.Select(s => $"{s.Shard} on {s.Silo}: {(s.Running ? "running" : s.WaitingSince is null ? "stopped" : "waiting for its lock")}"));
                throw new TimeoutException($"The daemon's shards did not spread evenly over {silos} silos ({seen}).");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Every shard's status, and how many run on each silo, most first.</summary>
    private static async Task<(DaemonShardStatus[] Statuses, int[] BySilo)> SplitAsync(IGrainFactory grains)
    {
        var statuses = await Task.WhenAll(DaemonShards.Names(publish: true).Select(s => grains.GetGrain<IDaemonShardGrain>(s).GetStatusAsync()));
        return (statuses, statuses.Where(s => s.Running).GroupBy(s => s.Silo).Select(g => g.Count()).OrderDescending().ToArray());
    }

    private static string Describe(int[] bySilo) => $"{string.Join(" + ", bySilo)} shards";

    /// <param name="inMemoryStreams">Whether the silo publishes to Orleans' in-memory stream provider instead of the ADO.NET queue.</param>
    /// <param name="shards">With two silos: how the daemon's shards are split between them (the row's note).</param>
    public static async Task<IReadOnlyList<Measurement>> RunAsync(
        IGrainFactory grains, NpgsqlDataSource dataSource, BenchScale scale, int concurrency, bool inMemoryStreams = false, string? shards = null)
    {
        var start = await DaemonProgress.HighSequenceAsync(dataSource);
        var cpu = await CpuClock.ReadAsync(dataSource);
        var clock = Stopwatch.StartNew();
        var commands = await GrainCommands.RunAsync(grains, scale, concurrency);
        var loadEnded = clock.Elapsed;
        var target = await DaemonProgress.HighSequenceAsync(dataSource);

        var caughtUp = await DaemonProgress.WaitForAllAsync(dataSource, [SubjectEventPublication.SubscriptionName, .. Projections], target, CatchUpLimit);
        var published = await DaemonProgress.PositionAsync(dataSource, SubjectEventPublication.SubscriptionName) - start;
        var publicationBehind = caughtUp[SubjectEventPublication.SubscriptionName];
        var projectionsBehind = Projections.Select(n => caughtUp[n]).Aggregate((TimeSpan?)TimeSpan.Zero, (max, t) => max is null || t is null ? null : t > max ? t : max);
        var projected = target - start;
        var used = await CpuClock.ReadAsync(dataSource) - cpu;
        var splitAfter = shards is null ? null : Describe((await SplitAsync(grains)).BySilo);
        return
        [
            commands with
            {
                Row = (inMemoryStreams, shards) switch
                {
                    (true, _) => $"4. (production, in-memory streams) grains, projections and publication on, concurrency {concurrency:N0}",
                    (false, null) => $"4. (production) grains, projections and publication on, concurrency {concurrency:N0}",
                    _ => $"4. (production, two silo processes) grains, projections and publication on, concurrency {concurrency:N0}",
                },
                Note = $"{commands.Note}{(shards is null ? string.Empty : $"; daemon shards split {shards} before the load, {splitAfter} after the catch-up")}; load and catch-up {used.PerThousand(projected)}",
            },
            new Measurement(
                inMemoryStreams ? "Publication to Orleans streams (daemon → in-memory provider)" : "Publication to Orleans streams (daemon → ADO.NET queue)",
                "events/s",
                published / (loadEnded + (publicationBehind ?? CatchUpLimit)).TotalSeconds,
                LatencySummary.None,
                $"{published:N0} events; {Lag(publicationBehind)}"),
            new Measurement(
                $"Analysts' projections ({Projections.Length}, async daemon)",
                "events/s",
                projectionsBehind is { } p ? projected / (loadEnded + p).TotalSeconds : double.NaN,
                LatencySummary.None,
                $"{projected:N0} events; slowest {Lag(projectionsBehind)}"),
        ];
    }

    private static string Lag(TimeSpan? behind) =>
        behind is { } b ? $"caught up {b.TotalSeconds:N1} s after the load ended" : $"not caught up {CatchUpLimit.TotalMinutes:N0} min after the load ended";
}
