using System.Diagnostics;
using CallLoop.Contracts.Subjects;
using CallLoop.EventStore.Appending;
using CallLoop.EventStore.Projections;
using CallLoop.EventStore.Publication;
using Npgsql;

namespace CallLoop.Benchmarks.Rows;

/// <summary>
/// The daemon's capacity, apart from any write load: a backlog of events is committed through the write path while
/// no daemon runs, then a production silo starts with every shard (publication and each projection) placed before
/// the backlog, and each shard's rate is measured until it has passed the backlog's last event. This is the follow
/// capacity to compare with the write path's rate; the production row's follow rates are bounded by its own load.
/// </summary>
public static class DaemonCatchUp
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private static readonly string[] Names = [SubjectEventPublication.SubscriptionName, .. ProjectionNames.Async];

    /// <summary>Commits <paramref name="events"/> consent grants through the grains of a silo that runs no daemon.</summary>
    public static async Task WriteBacklogAsync(IGrainFactory grains, BenchScale scale, int events)
    {
        var next = -1L;
        await Task.WhenAll(Enumerable.Range(0, 256).Select(caller => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < events; n = Interlocked.Increment(ref next))
            {
                var id = SampleEvents.SubjectId(Random.Shared.Next(scale.Subjects));
                await grains.GetGrain<IDataSubjectGrain>(id).ExecuteAsync(SampleEvents.GrantConsent(id, n));
            }
        })));
    }

    public static async Task<IReadOnlyList<Measurement>> RunAsync(string connectionString, NpgsqlDataSource dataSource, BenchScale scale)
    {
        var events = scale.Subjects * 5;
        long from;
        await using (var writer = await BenchSilo.StartAsync(connectionString, GroupCommitPath.SetBased))
        {
            from = await DaemonProgress.HighSequenceAsync(dataSource);
            await WriteBacklogAsync(writer.Grains, scale, events);
        }

        var target = await DaemonProgress.HighSequenceAsync(dataSource);
        foreach (var name in Names)
        {
            await DaemonProgress.SetAsync(dataSource, name, from);
        }

        var cpu = await CpuClock.ReadAsync(dataSource);
        var clock = Stopwatch.StartNew();
        await using var silo = await BenchSilo.StartAsync(connectionString, GroupCommitPath.SetBased, SiloWork.Production);
        var started = clock.Elapsed;
        await ProductionLoad.WaitForShardsAsync(silo.Grains, silos: 1);

        // From the first look at which every shard runs: each shard's position then, and when it passed the target.
        var seen = clock.Elapsed;
        var seenAt = new Dictionary<string, long>();
        foreach (var name in Names)
        {
            seenAt[name] = await DaemonProgress.PositionAsync(dataSource, name);
        }

        var done = await DaemonProgress.WaitForAllAsync(dataSource, Names, target, Limit);
        var used = await CpuClock.ReadAsync(dataSource) - cpu;
        var backlog = target - from;
        var rows = new List<Measurement>();
        foreach (var name in Names)
        {
            var left = target - seenAt[name];
            var (rate, how) = done[name] switch
            {
                null => (double.NaN, $"not caught up within {Limit.TotalMinutes:N0} min"),
                { } after when left > backlog / 10 => (left / after.TotalSeconds, $"{left:N0} events after all shards ran, in {after.TotalSeconds:N1} s"),
                { } after => (backlog / (seen - started + after).TotalSeconds,
                    $"{backlog - left:N0} of the backlog already done when all shards ran: rate over {(seen - started + after).TotalSeconds:N1} s since the silo started"),
            };
            rows.Add(new Measurement($"Daemon catch-up: {name}", "events/s", rate, LatencySummary.None, $"backlog {backlog:N0} events; {how}"));
        }

        rows.Add(new Measurement(
            "Daemon catch-up: all six shards together, CPU", "ms/1,000 events", (used.Process + used.Postgres).TotalMilliseconds * 1000 / backlog, LatencySummary.None,
            $"{used.PerThousand(backlog)} (silo start and shard start-up included)"));
        return rows;
    }
}
