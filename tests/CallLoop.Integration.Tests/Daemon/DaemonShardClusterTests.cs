using System.Diagnostics;
using CallLoop.Contracts.Daemon;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Daemon;
using CallLoop.EventStore.Projections.Facts;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Publication;
using CallLoop.Integration.Tests.Publication.Durable;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace CallLoop.Integration.Tests.Daemon;

/// <summary>
/// The async daemon spread over the cluster: each shard (five projections and the publication) has its own leader,
/// the shards split between the silos, and when a silo is killed its shards move to the other within seconds, with no
/// committed event skipped and none applied twice.
/// </summary>
public sealed class DaemonShardClusterTests(DaemonShardClusterFixture fixture, ITestOutputHelper output) : IClassFixture<DaemonShardClusterFixture>
{
    private static readonly IReadOnlyList<string> Shards = DaemonShards.Names(publish: true);

    [Fact]
    public async Task Given_two_silos_When_one_is_killed_Then_its_shards_move_to_the_other_and_every_event_is_projected_and_published_once()
    {
        var grains = fixture.Cluster.GrainFactory;
        var (primary, victim) = (fixture.Cluster.Primary!, fixture.Cluster.SecondarySilos[0]);

        // Split: every shard runs, three on each silo (six shards, two silos, round-robin in address order).
        var before = await Eventually.ReturnsAsync(
            StatusesAsync, s => s.All(x => x.Running) && s.Select(x => x.Silo).Distinct().Count() == 2, Patience.Long, "the shards to run on both silos");
        Assert.Equal(3, before.Count(s => s.Silo.Equals(primary.SiloAddress)));
        Assert.Equal(3, before.Count(s => s.Silo.Equals(victim.SiloAddress)));
        Assert.Equal(Shards.Count, await HeldLocksAsync());

        var subjectIds = Enumerable.Range(0, 16).Select(i => $"shard-{i}-{Guid.NewGuid():N}").ToArray();
        foreach (var subjectId in subjectIds)
        {
            await RetriedCommands.ExecuteAsync(grains, new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA" });
            await RetriedCommands.ExecuteAsync(grains, new GrantConsent { SubjectId = subjectId, Purpose = ConsentPurpose.MarketingSms, Basis = ConsentBasis.Express, NoticeVersion = "2025-01" });
        }

        var moving = before.Where(s => s.Silo.Equals(victim.SiloAddress)).Select(s => s.Shard).ToHashSet();
        var clock = Stopwatch.StartNew();
        await fixture.Cluster.KillSiloAsync(victim);

        // Commands go on while the shards move.
        var writing = Task.Run(async () =>
        {
            for (var n = 0; n < 3; n++)
            {
                foreach (var subjectId in subjectIds)
                {
                    await RetriedCommands.ExecuteAsync(grains, Collect(subjectId, n));
                }
            }
        });

        var after = await Eventually.ReturnsAsync(
            StatusesAsync, s => s.All(x => x.Running && x.Silo.Equals(primary.SiloAddress)), Patience.Long, "the killed silo's shards to run on the other");
        var moved = clock.Elapsed;
        output.WriteLine($"{moving.Count} shards ({string.Join(", ", moving)}) moved {moved.TotalSeconds:0.0} s after the kill.");
        Assert.True(moved < TimeSpan.FromSeconds(30), $"The shards took {moved.TotalSeconds:0.0} s to move.");
        Assert.All(after.Where(s => moving.Contains(s.Shard)), s => Assert.True(s.Since > DateTimeOffset.UtcNow - moved - TimeSpan.FromSeconds(5)));
        await writing;

        await new ExactlyOnce(fixture.ConnectionString).AssertAsync(Shards, subjectIds, collectionsPerSubject: 3);

        // Fenced: one lock per shard, all held by the surviving silo's connections.
        Assert.Equal(Shards.Count, await HeldLocksAsync());
    }

    [Fact]
    public async Task Given_a_shards_lock_held_by_another_session_When_the_shard_is_placed_anew_Then_it_waits_and_runs_only_once_the_lock_is_free()
    {
        var shard = DaemonShards.ShardOf(CallLoop.EventStore.Projections.ProjectionNames.ExposureFacts);
        var grain = fixture.Cluster.GrainFactory.GetGrain<IDaemonShardGrain>(shard);
        var running = await Eventually.ReturnsAsync(() => grain.GetStatusAsync(), s => s.Running, Patience.Long, "the shard to run");
        var lockId = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<DaemonShards>().LockIdOf(shard);

        // Another session queues for the shard's lock (a silo the cluster thinks dead, still holding on): it gets the
        // lock the moment the shard lets go, before any new activation can.
        await using var other = new NpgsqlConnection(fixture.ConnectionString);
        await other.OpenAsync();
        await using var take = new NpgsqlCommand("select pg_advisory_lock($1)", other);
        take.Parameters.AddWithValue((long)lockId);
        var taken = take.ExecuteNonQueryAsync();
        await Eventually.ReturnsAsync(
            () => ScalarAsync("select count(*) from pg_locks where locktype = 'advisory' and not granted and objid::bigint = $1 and database = (select oid from pg_database where datname = current_database())", (long)lockId), n => n == 1, Patience.Long, "the other session to queue for the lock");

        // The shard is handed over (as when a silo joins): stopped, its lock released, its grain placed anew.
        await grain.HandOverAsync(SiloAddress.New(System.Net.IPAddress.Loopback, 1, 1));
        await taken;

        var waiting = await Eventually.ReturnsAsync(() => grain.GetStatusAsync(), s => s.WaitingSince is not null, Patience.Long, "the new activation to wait for the lock");
        Assert.False(waiting.Running);
        Assert.Null(waiting.Since);
        Assert.Equal(1, await ScalarAsync("select count(*) from pg_locks where locktype = 'advisory' and granted and objid::bigint = $1 and database = (select oid from pg_database where datname = current_database())", (long)lockId));

        await using (var release = new NpgsqlCommand("select pg_advisory_unlock($1)", other))
        {
            release.Parameters.AddWithValue((long)lockId);
            await release.ExecuteNonQueryAsync();
        }

        var resumed = await Eventually.ReturnsAsync(() => grain.GetStatusAsync(), s => s.Running, Patience.Long, "the shard to run once the lock is free");
        Assert.True(resumed.Since > running.Since);
        Assert.Null(resumed.WaitingSince);
    }

    private Task<DaemonShardStatus[]> StatusesAsync() =>
        Task.WhenAll(Shards.Select(async shard =>
        {
            try
            {
                return await fixture.Cluster.GrainFactory.GetGrain<IDaemonShardGrain>(shard).GetStatusAsync().WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception)
            {
                return new DaemonShardStatus { Shard = shard, Silo = fixture.Cluster.Primary!.SiloAddress, Running = false };
            }
        }));

    private static CollectPersonalInformation Collect(string subjectId, int n) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = $"{subjectId}-collect-{n}",
        Category = PersonalInformationCategory.InternetActivity,
        Source = CollectionSource.Automatic,
        Purposes = [ProcessingPurpose.Analytics],
        Data = new Dictionary<string, string> { ["page"] = $"/page-{n}" },
    };

    [Fact]
    public async Task Given_a_fence_connection_When_opened_over_TCP_Then_the_server_probes_a_silent_peer_within_seconds_not_hours()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        const string Settings = "select inet_client_addr() is not null, current_setting('tcp_keepalives_idle'), current_setting('tcp_keepalives_interval'), current_setting('tcp_keepalives_count')";

        await using var plain = await dataSource.OpenConnectionAsync();
        var serverDefault = await ReadAsync(plain, Settings);
        await using var fence = await FenceConnection.OpenAsync(dataSource, CancellationToken.None);
        var fenced = await ReadAsync(fence, Settings);

        Assert.Equal("True", fenced[0]);
        Assert.NotEqual("10", serverDefault[1]);
        Assert.Equal(["10", "5", "3"], fenced[1..]);
        Assert.True(FenceConnection.FreedWithin <= TimeSpan.FromSeconds(30));

        static async Task<string[]> ReadAsync(NpgsqlConnection connection, string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return [.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)];
        }
    }

    /// <summary>Advisory locks held on the shards' lock ids (Marten's per-shard ids: positive, so classid 0 and objid the id).</summary>
    private Task<long> HeldLocksAsync()
    {
        var shards = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<DaemonShards>();
        var ids = Shards.Select(s => (long)shards.LockIdOf(s)).ToArray();
        return ScalarAsync(
            "select count(*) from pg_locks where locktype = 'advisory' and granted and classid = 0 and objid::bigint = any($1) and database = (select oid from pg_database where datname = current_database())",
            ids);
    }

    private Task<long> ScalarAsync(string sql, object? parameter = null) => TestSql.ScalarAsync(fixture.ConnectionString, sql, parameter);
}
