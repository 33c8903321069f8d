using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Orleans.PostgreSql.Tests;

public sealed class ReminderFixture : IAsyncLifetime
{
    public OrleansPostgresCluster Cluster { get; private set; } = null!;

    // Two silos: the reminder ring is split, so both range queries (wrapping and not) are in play.
    public async Task InitializeAsync() =>
        Cluster = await OrleansPostgresCluster.StartAsync("orleans_reminders", siloCount: 2, withClient: true);

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

public sealed class ReminderTests(ReminderFixture fixture) : IClassFixture<ReminderFixture>
{
    private OrleansPostgresCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_reminder_fires_is_listed_stored_and_can_be_unregistered()
    {
        var key = $"reminder-{Guid.NewGuid():N}";
        const string name = "tick";
        var tickKey = ReminderGrain.TickKey(key, name);
        var grain = Cluster.Client.GetGrain<IReminderGrain>(key);

        await grain.StartAsync(name, dueTime: TimeSpan.FromMilliseconds(50), period: TimeSpan.FromSeconds(1));

        // Stored (UpsertReminderRowKey) ...
        var rows = await Db.RowsAsync(
            Cluster.DataSource,
            "SELECT GrainId, Period, Version FROM OrleansRemindersTable WHERE ServiceId = @s AND ReminderName = @n",
            ("s", Cluster.ServiceId),
            ("n", name));
        var row = Assert.Single(rows);
        Assert.Contains(key, (string)row[0], StringComparison.Ordinal);
        Assert.Equal(1000L, (long)row[1]);

        // ... listed (ReadReminderRowsKey / ReadReminderRowKey) ...
        Assert.Equal([name], await grain.ListAsync());
        Assert.True(await grain.ExistsAsync(name));

        // ... and fires: the first tick after the tiny due time, then periodically.
        await Wait.UntilAsync(
            () => Task.FromResult(ReminderGrain.Ticks.GetValueOrDefault(tickKey) >= 2),
            TimeSpan.FromSeconds(15),
            "two reminder ticks");

        // Unregister (DeleteReminderRowKey with the etag) removes the row and stops the ticks.
        await grain.StopAsync(name);
        Assert.Empty(await grain.ListAsync());
        Assert.False(await grain.ExistsAsync(name));
        Assert.Equal(0L, await Db.ScalarAsync<long>(
            Cluster.DataSource,
            "SELECT count(*) FROM OrleansRemindersTable WHERE ServiceId = @s AND ReminderName = @n",
            ("s", Cluster.ServiceId),
            ("n", name)));

        var ticksAtStop = ReminderGrain.Ticks.GetValueOrDefault(tickKey);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.InRange(ReminderGrain.Ticks.GetValueOrDefault(tickKey), ticksAtStop, ticksAtStop + 1);
    }

    [Fact]
    public async Task Re_registering_a_reminder_updates_the_row_and_bumps_its_etag()
    {
        var key = $"reminder-{Guid.NewGuid():N}";
        var grain = Cluster.Client.GetGrain<IReminderGrain>(key);

        await grain.StartAsync("slow", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
        await grain.StartAsync("slow", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));
        await grain.StartAsync("other", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));

        var row = Assert.Single(await Db.RowsAsync(
            Cluster.DataSource,
            "SELECT Period, Version FROM OrleansRemindersTable WHERE ServiceId = @s AND GrainId LIKE @g AND ReminderName = 'slow'",
            ("s", Cluster.ServiceId),
            ("g", $"%{key}%")));
        Assert.Equal((long)TimeSpan.FromMinutes(10).TotalMilliseconds, (long)row[0]);
        Assert.Equal(1, (int)row[1]);
        Assert.Equal(["other", "slow"], await grain.ListAsync());

        await grain.StopAsync("slow");
        await grain.StopAsync("other");
        Assert.Empty(await grain.ListAsync());
    }
}
