using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Messaging;
using Orleans.Runtime;

namespace CallLoop.Orleans.PostgreSql.Tests;

public sealed class ClusterFixture : IAsyncLifetime
{
    public const int SiloCount = 3;

    public OrleansPostgresCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Cluster = await OrleansPostgresCluster.StartAsync("orleans_cluster", SiloCount, withClient: true);

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

public sealed class ClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private OrleansPostgresCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Every_silo_sees_the_others_active_in_the_membership_table()
    {
        var expected = Cluster.Endpoints.Select(e => e.SiloPort).Order().ToArray();

        // Each silo's own view (built from the table it reads and from gossip).
        foreach (var silo in Cluster.Silos)
        {
            var membership = silo.Services.GetRequiredService<IClusterMembershipService>();
            await Wait.UntilAsync(
                () => Task.FromResult(membership.CurrentSnapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Active)
                    .Select(m => m.SiloAddress.Endpoint.Port).Order().SequenceEqual(expected)),
                TimeSpan.FromSeconds(20),
                "all silos Active in every silo's membership view");
        }

        // Each silo reading the table through Orleans' ADO.NET provider (MembershipReadAllKey / MembershipReadRowKey).
        foreach (var silo in Cluster.Silos)
        {
            var table = silo.Services.GetRequiredService<IMembershipTable>();
            var all = await table.ReadAllAsync();
            Assert.Equal(expected, all.Members.Where(m => m.Item1.Status == SiloStatus.Active).Select(m => m.Item1.SiloAddress.Endpoint.Port).Order());

            var self = silo.Services.GetRequiredService<ILocalSiloDetails>();
            var row = Assert.Single((await table.ReadRowAsync(self.SiloAddress)).Members);
            Assert.Equal(SiloStatus.Active, row.Item1.Status);
            Assert.Equal(self.Name, row.Item1.SiloName);
            Assert.Equal(self.GatewayAddress.Endpoint.Port, row.Item1.ProxyPort);
        }

        // And the rows themselves.
        var rows = await Db.RowsAsync(
            Cluster.DataSource,
            "SELECT Port, Status, ProxyPort, Address FROM OrleansMembershipTable WHERE DeploymentId = @d ORDER BY Port",
            ("d", Cluster.ClusterId));
        Assert.Equal(expected, rows.Select(r => (int)r[0]));
        Assert.All(rows, r => Assert.Equal(3, (int)r[1]));
        Assert.All(rows, r => Assert.Equal("127.0.0.1", (string)r[3]));
        Assert.Equal(Cluster.Endpoints.Select(e => e.GatewayPort).Order(), rows.Select(r => (int)r[2]).Order());

        // Every successful join/status change bumped the table version (at least: 3 inserts + 3 updates to Active).
        var version = await Db.ScalarAsync<int>(Cluster.DataSource, "SELECT Version FROM OrleansMembershipVersionTable WHERE DeploymentId = @d", ("d", Cluster.ClusterId));
        Assert.True(version >= 2 * ClusterFixture.SiloCount, $"table version {version}");
    }

    [Fact]
    public async Task External_client_finds_the_gateways_and_calls_grains()
    {
        var gateways = Cluster.ClientServices.GetRequiredService<IGatewayListProvider>();
        var expected = Cluster.Endpoints.Select(e => e.GatewayPort).Order().ToArray();
        await Wait.UntilAsync(
            async () => (await gateways.GetGatewaysAsync()).Select(u => u.Port).Order().SequenceEqual(expected),
            TimeSpan.FromSeconds(20),
            "the client's gateway list (GatewaysQueryKey) to contain every silo");

        var siloAddresses = Cluster.Silos.Select(s => s.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString()).ToHashSet();
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Cluster.Client.GetGrain<IPingGrain>($"ping-{i}").PingAsync()));
        Assert.All(answers, a => Assert.Contains(a, siloAddresses));
    }

    [Fact]
    public async Task Membership_writes_are_version_checked_and_defunct_rows_are_cleaned_up()
    {
        var table = Cluster.Silos[0].Services.GetRequiredService<IMembershipTable>();
        var now = DateTime.UtcNow;
        var ghost = new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, 1, 1),
            SiloName = "ghost",
            HostName = "ghost-host",
            Status = SiloStatus.Dead,
            ProxyPort = 0,
            StartTime = now.AddMinutes(-10),
            IAmAliveTime = now.AddMinutes(-10),
        };

        // A live cluster keeps writing, so retry on a lost race the way Orleans does: re-read, try again.
        var inserted = false;
        for (var attempt = 0; attempt < 10 && !inserted; attempt++)
        {
            var snapshot = await table.ReadAllAsync();
            var stale = new TableVersion(snapshot.Version.Version - 1, (int.Parse(snapshot.Version.VersionEtag) - 1).ToString());
            Assert.False(await table.InsertRowAsync(ghost, stale.Next()), "an insert with a stale table version must be rejected");
            inserted = await table.InsertRowAsync(ghost, snapshot.Version.Next());
        }

        Assert.True(inserted);
        Assert.Equal(1L, await CountGhostAsync());

        // A second insert of the same silo fails even with the current version, and leaves the version alone.
        var current = await table.ReadAllAsync();
        Assert.False(await table.InsertRowAsync(ghost, current.Version.Next()));

        // Clean-up (CleanupDefunctSiloEntryKey, per row) removes the long-dead ghost and nothing else.
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(0L, await CountGhostAsync());
        var remaining = await table.ReadAllAsync();
        Assert.Equal(ClusterFixture.SiloCount, remaining.Members.Count(m => m.Item1.Status == SiloStatus.Active));
    }

    private Task<long> CountGhostAsync() =>
        Db.ScalarAsync<long>(
            Cluster.DataSource,
            "SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @d AND Port = 1 AND SiloName = 'ghost'",
            ("d", Cluster.ClusterId));
}
