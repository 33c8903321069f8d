using System.Diagnostics;
using CallLoop.Contracts.Daemon;
using CallLoop.EventStore.Daemon;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Publication;
using Xunit.Abstractions;

namespace CallLoop.Integration.Tests.Daemon;

/// <summary>
/// A silo joining a cluster whose one silo runs every shard: half the shards move to it, each once, and stay there.
/// A moved shard's grain leaves its old silo by migration, so the directory points at its new silo at every moment; a
/// silo still caching the old address is forwarded instead of activating the shard where it was (which moved it back,
/// round and round, while it had been deactivated and placed anew).
/// </summary>
public sealed class DaemonShardJoinTests(OneSiloDaemonShardClusterFixture fixture, ITestOutputHelper output) : IClassFixture<OneSiloDaemonShardClusterFixture>
{
    private static readonly IReadOnlyList<string> Shards = DaemonShards.Names(publish: true);

    /// <summary>The fixture's silos look after the shards every half second: this is twelve rounds of both.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Given_one_silo_running_every_shard_When_a_second_joins_Then_half_the_shards_move_to_it_once_and_stay()
    {
        var primary = fixture.Cluster.Primary!.SiloAddress;
        var alone = await Eventually.ReturnsAsync(
            StatusesAsync, s => s.All(x => x.Running && x.Silo.Equals(primary)), Patience.Long, "every shard to run on the one silo");

        var clock = Stopwatch.StartNew();
        var joined = (await fixture.Cluster.StartAdditionalSiloAsync()).SiloAddress;
        var split = await Eventually.ReturnsAsync(
            StatusesAsync,
            s => s.All(x => x.Running) && s.Count(x => x.Silo.Equals(joined)) == 3 && s.Count(x => x.Silo.Equals(primary)) == 3,
            TimeSpan.FromSeconds(60),
            "three shards to run on each silo");
        output.WriteLine($"Split 3 + 3 {clock.Elapsed.TotalSeconds:0.0} s after the second silo was started.");

        // The shards that stayed never stopped; over many rounds of both silos' keepers, nothing moves again.
        var stayed = alone.Where(a => split.Single(s => s.Shard == a.Shard).Silo.Equals(primary)).ToArray();
        Assert.All(stayed, a => Assert.Equal(a.Since, split.Single(s => s.Shard == a.Shard).Since));
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Settled)
        {
            var now = await StatusesAsync();
            Assert.All(now, s =>
            {
                var then = split.Single(x => x.Shard == s.Shard);
                Assert.True(s.Running, $"{s.Shard} stopped");
                Assert.Equal(then.Silo, s.Silo);
                Assert.Equal(then.Since, s.Since);
            });
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private Task<DaemonShardStatus[]> StatusesAsync() =>
        Task.WhenAll(Shards.Select(shard => fixture.Cluster.GrainFactory.GetGrain<IDaemonShardGrain>(shard).GetStatusAsync()));
}
