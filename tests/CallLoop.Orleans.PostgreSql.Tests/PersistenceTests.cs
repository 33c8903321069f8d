using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace CallLoop.Orleans.PostgreSql.Tests;

public sealed class PersistenceFixture : IAsyncLifetime
{
    public OrleansPostgresCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Cluster = await OrleansPostgresCluster.StartAsync("orleans_persistence", siloCount: 1, withClient: false);

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

public sealed class PersistenceTests(PersistenceFixture fixture) : IClassFixture<PersistenceFixture>
{
    private OrleansPostgresCluster Cluster => fixture.Cluster;

    private IGrainFactory Grains => Cluster.Silos[0].Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task State_survives_deactivation()
    {
        var grain = Grains.GetGrain<ICounterGrain>(Guid.NewGuid());
        Assert.False((await grain.GetAsync()).RecordExists);

        Assert.Equal(1, await grain.IncrementAsync("a"));
        Assert.Equal(2, await grain.IncrementAsync("b"));
        Assert.Equal(3, await grain.IncrementAsync("c"));
        var before = await grain.GetAsync();
        Assert.Equal("3", before.ETag);

        await grain.DeactivateAsync();
        var after = await WaitForNewActivationAsync(() => grain.GetAsync(), before.Activation);

        Assert.Equal(3, after.Value);
        Assert.Equal(["a", "b", "c"], after.History);
        Assert.True(after.RecordExists);
        Assert.Equal("3", after.ETag);
        Assert.Equal(1L, await Db.ScalarAsync<long>(Cluster.DataSource, "SELECT count(*) FROM OrleansStorage WHERE ServiceId = @s AND Version = 3 AND PayloadBinary IS NOT NULL", ("s", Cluster.ServiceId)));
    }

    [Fact]
    public async Task String_keyed_state_survives_deactivation_and_clear_keeps_the_etag_monotonic()
    {
        var key = $"named-{Guid.NewGuid():N}";
        var grain = Grains.GetGrain<INamedCounterGrain>(key);
        await grain.IncrementAsync("x");
        await grain.IncrementAsync("y");
        var before = await grain.GetAsync();
        await grain.DeactivateAsync();
        var after = await WaitForNewActivationAsync(() => grain.GetAsync(), before.Activation);
        Assert.Equal(2, after.Value);
        Assert.Equal("2", after.ETag);

        var other = Grains.GetGrain<ICounterGrain>(Guid.NewGuid());
        await other.IncrementAsync("1");
        await other.ClearAsync();
        var cleared = await other.GetAsync();
        Assert.Equal(0, cleared.Value);
        Assert.False(cleared.RecordExists);
        Assert.Equal("2", cleared.ETag);

        // Writing after a clear continues from the cleared row's version.
        Assert.Equal(1, await other.IncrementAsync("again"));
        Assert.Equal("3", (await other.GetAsync()).ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_rejected()
    {
        var id = Guid.NewGuid();
        var grain = Grains.GetGrain<ICounterGrain>(id);
        await grain.IncrementAsync("mine");

        // Somebody else (e.g. a duplicate activation elsewhere) wrote in between: the stored version moved on.
        var bumped = await Db.ExecuteAsync(
            Cluster.DataSource,
            "UPDATE OrleansStorage SET Version = Version + 1 WHERE ServiceId = @s AND GrainIdExtensionString IS NULL AND Version = 1 AND PayloadBinary IS NOT NULL AND GrainIdN0 = @n0 AND GrainIdN1 = @n1",
            ("s", Cluster.ServiceId),
            ("n0", BitConverter.ToInt64(id.ToByteArray(), 0)),
            ("n1", BitConverter.ToInt64(id.ToByteArray(), 8)));
        Assert.Equal(1, bumped);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAsync("stale"));
    }

    [Fact]
    public async Task Concurrent_writes_from_the_same_etag_let_exactly_one_win()
    {
        var storage = Cluster.Silos[0].Services.GetRequiredKeyedService<IGrainStorage>(OrleansPostgresCluster.StorageName);
        var grainId = GrainId.Create("direct-storage-test", Guid.NewGuid().ToString("N"));
        const string stateName = "direct";

        // First writes without an etag: only one may create the row.
        var creators = Enumerable.Range(0, 4).Select(i => new GrainState<CounterState>(new CounterState { Value = i })).ToArray();
        var created = await Task.WhenAll(creators.Select(s => TryWriteAsync(storage, stateName, grainId, s)));
        Assert.Equal(1, created.Count(ok => ok));

        // Both read the same version, then race.
        var first = new GrainState<CounterState>(new CounterState());
        var second = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(stateName, grainId, first);
        await storage.ReadStateAsync(stateName, grainId, second);
        Assert.Equal("1", first.ETag);
        first.State = new CounterState { Value = 100 };
        second.State = new CounterState { Value = 200 };

        var results = await Task.WhenAll(TryWriteAsync(storage, stateName, grainId, first), TryWriteAsync(storage, stateName, grainId, second));
        Assert.Equal(1, results.Count(ok => ok));

        var winner = results[0] ? first : second;
        var check = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(stateName, grainId, check);
        Assert.Equal("2", check.ETag);
        Assert.Equal(winner.State!.Value, check.State!.Value);

        // The loser's etag stays stale: clearing with it is rejected too, clearing with the current one works.
        var loser = results[0] ? second : first;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(stateName, grainId, loser));
        await storage.ClearStateAsync(stateName, grainId, check);
        Assert.Equal("3", check.ETag);
    }

    private static async Task<bool> TryWriteAsync(IGrainStorage storage, string stateName, GrainId grainId, GrainState<CounterState> state)
    {
        try
        {
            await storage.WriteStateAsync(stateName, grainId, state);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    private static async Task<CounterSnapshot> WaitForNewActivationAsync(Func<Task<CounterSnapshot>> get, Guid previous)
    {
        CounterSnapshot snapshot = null!;
        await Wait.UntilAsync(
            async () => (snapshot = await get()).Activation != previous,
            TimeSpan.FromSeconds(10),
            "the grain to be deactivated and activated again");
        return snapshot;
    }
}
