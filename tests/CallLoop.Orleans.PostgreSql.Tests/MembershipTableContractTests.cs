using System.Net;
using CallLoop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;

namespace CallLoop.Orleans.PostgreSql.Tests;

/// <summary>
/// Drives Orleans' own ADO.NET membership table (the class the silos use) against the installed queries,
/// covering the paths a healthy cluster rarely takes: lost version races, suspicions, heartbeats that must not
/// touch the version, both clean-up queries, and deleting a deployment. Each test gets a fresh database.
/// </summary>
public sealed class MembershipTableContractTests : IAsyncLifetime
{
    private string connectionString = null!;
    private NpgsqlDataSource dataSource = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        connectionString = await PostgresServer.Instance.CreateDatabaseAsync("orleans_membership");
        await OrleansPostgresSchema.ApplyAsync(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
        services = new ServiceCollection().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    [Fact]
    public async Task Writes_follow_the_table_version_and_heartbeats_do_not_change_it()
    {
        var table = await CreateTableAsync("contract");
        var empty = await table.ReadAllAsync();
        Assert.Empty(empty.Members);
        Assert.Equal("0", empty.Version.VersionEtag);

        var now = DateTime.UtcNow;
        var a = Entry(port: 11111, SiloStatus.Joining, now);
        var b = Entry(port: 22222, SiloStatus.Joining, now);

        Assert.True(await table.InsertRowAsync(a, empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(b, empty.Version.Next()), "insert with a stale version");
        var afterInsert = await table.ReadAllAsync();
        Assert.Equal("1", afterInsert.Version.VersionEtag);
        Assert.True(await table.InsertRowAsync(b, afterInsert.Version.Next()));

        var current = await table.ReadAllAsync();
        Assert.Equal(2, current.Members.Count);
        var etag = current.Members.Single(m => m.Item1.SiloAddress.Equals(a.SiloAddress)).Item2;

        // Status change with suspicions (the '|'-separated SuspectTimes format round-trips).
        a.Status = SiloStatus.Active;
        a.SuspectTimes = [Tuple.Create(b.SiloAddress, now.AddSeconds(-1))];
        Assert.False(await table.UpdateRowAsync(a, etag, afterInsert.Version.Next()), "update with a stale version");
        Assert.True(await table.UpdateRowAsync(a, etag, current.Version.Next()));
        var row = Assert.Single((await table.ReadRowAsync(a.SiloAddress)).Members).Item1;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.NotNull(row.SuspectTimes);
        Assert.Equal(b.SiloAddress, Assert.Single(row.SuspectTimes).Item1);
        Assert.Equal("a-silo-11111", row.SiloName);
        Assert.Equal(11111 + 1, row.ProxyPort);

        // Updating a silo that has no row fails and does not consume the version.
        var versionBefore = (await table.ReadAllAsync()).Version;
        var ghost = Entry(port: 33333, SiloStatus.Active, now);
        Assert.False(await table.UpdateRowAsync(ghost, versionBefore.VersionEtag, versionBefore.Next()));
        Assert.Equal(versionBefore.VersionEtag, (await table.ReadAllAsync()).Version.VersionEtag);

        // Heartbeat.
        a.IAmAliveTime = now.AddSeconds(30);
        await table.UpdateIAmAliveAsync(a);
        var read = await table.ReadRowAsync(a.SiloAddress);
        Assert.Equal(a.IAmAliveTime, Assert.Single(read.Members).Item1.IAmAliveTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal(versionBefore.VersionEtag, read.Version.VersionEtag);

        // A silo without a row: Orleans still gets the version.
        var none = await table.ReadRowAsync(ghost.SiloAddress);
        Assert.Empty(none.Members);
        Assert.Equal(versionBefore.VersionEtag, none.Version.VersionEtag);

        // Initialising again keeps the existing version row.
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        Assert.Equal(versionBefore.VersionEtag, (await table.ReadAllAsync()).Version.VersionEtag);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Clean_up_removes_only_long_dead_unsuspected_silos(bool perRowQuery)
    {
        var deployment = $"cleanup-{perRowQuery}";
        if (!perRowQuery)
        {
            // Without the optional per-row key, Orleans falls back to the bulk CleanupDefunctSiloEntriesKey.
            // (Each test gets its own database, see InitializeAsync, so this does not leak.)
            await Db.ExecuteAsync(dataSource, "DELETE FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntryKey'");
        }

        var table = await CreateTableAsync(deployment);
        var old = DateTime.UtcNow.AddHours(-1);
        var deadLongAgo = Entry(1, SiloStatus.Dead, old);
        var deadButRecentlySuspected = Entry(2, SiloStatus.Dead, old);
        var deadRecently = Entry(3, SiloStatus.Dead, DateTime.UtcNow);
        var activeButSilent = Entry(4, SiloStatus.Active, old);
        foreach (var entry in new[] { deadLongAgo, deadButRecentlySuspected, deadRecently, activeButSilent })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        // Orleans' insert does not store suspicions; they arrive through updates.
        var beforeSuspicion = await table.ReadAllAsync();
        deadButRecentlySuspected.SuspectTimes = [Tuple.Create(deadLongAgo.SiloAddress, DateTime.UtcNow)];
        Assert.True(await table.UpdateRowAsync(deadButRecentlySuspected, beforeSuspicion.Version.VersionEtag, beforeSuspicion.Version.Next()));

        var version = (await table.ReadAllAsync()).Version.VersionEtag;
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(-5));

        var remaining = await table.ReadAllAsync();
        Assert.Equal([2, 3, 4], remaining.Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order());
        Assert.Equal(version, remaining.Version.VersionEtag);

        // Deleting the deployment removes its rows and version row, and nothing of other deployments.
        var bystander = await CreateTableAsync($"{deployment}-bystander");
        Assert.True(await bystander.InsertRowAsync(deadLongAgo, (await bystander.ReadAllAsync()).Version.Next()));
        await table.DeleteMembershipTableEntriesAsync(deployment);
        Assert.Single((await bystander.ReadAllAsync()).Members);
        Assert.Equal(0L, await Db.ScalarAsync<long>(dataSource, "SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @d", ("d", deployment)));
        Assert.Equal(0L, await Db.ScalarAsync<long>(dataSource, "SELECT count(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = @d", ("d", deployment)));
    }

    private async Task<AdoNetClusteringTable> CreateTableAsync(string deployment)
    {
        var table = new AdoNetClusteringTable(
            services,
            Options.Create(new ClusterOptions { ClusterId = deployment, ServiceId = "contract" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = OrleansPostgresCluster.Invariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private static MembershipEntry Entry(int port, SiloStatus status, DateTime time) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 7),
        SiloName = $"a-silo-{port}",
        HostName = "contract-host",
        Status = status,
        ProxyPort = port + 1,
        StartTime = time,
        IAmAliveTime = time,
    };
}
