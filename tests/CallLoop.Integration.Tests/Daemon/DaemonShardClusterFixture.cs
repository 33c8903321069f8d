using CallLoop.Grains.Daemon;
using CallLoop.Integration.Tests.Publication;
using CallLoop.Integration.Tests.Publication.Durable;
using CallLoop.Orleans.PostgreSql;
using CallLoop.Silo.Hosting;
using CallLoop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace CallLoop.Integration.Tests.Daemon;

/// <summary>
/// Two silos on one database with the production wiring of the daemon (a grain per shard, advisory-lock fences),
/// durable publication on PostgreSQL and a subscriber that records its effects in the database. The cluster declares a
/// silo dead after about two seconds of silence and the silos look after the shards every half second, so a killed
/// silo's shards move within seconds. Dedicated to one test class, since its test kills a silo.
/// </summary>
public class DaemonShardClusterFixture : IAsyncLifetime
{
    /// <summary>How many silos the cluster starts with.</summary>
    protected virtual short InitialSilos => 2;

    public TestCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    protected virtual string DatabaseName => "daemon_shards";

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.Instance.CreateDatabaseAsync(DatabaseName);
        await OrleansPostgresSchema.ApplyAsync(ConnectionString);
        await SubscriberLedger.CreateAsync(ConnectionString);

        var builder = new TestClusterBuilder(InitialSilos);
        builder.Options.ServiceId = "daemon-shards";
        builder.Options.ClusterId = $"shards-{Guid.NewGuid():N}"[..24];
        builder.Properties[PublicationSilo.ConnectionStringKey] = ConnectionString;
        builder.Properties[SubjectEventStreamsHosting.VisibilityTimeoutKey] = DurableStreamClusterFixture.VisibilityTimeout;
        builder.AddSiloBuilderConfigurator<PublicationSilo>();
        builder.AddSiloBuilderConfigurator<QuickShardSilo>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class QuickShardSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddSingleton<SubscriberLedger>();
            siloBuilder.Services.Configure<DaemonShardOptions>(o =>
            {
                o.KeepPeriod = TimeSpan.FromMilliseconds(500);
                o.FenceCheckPeriod = TimeSpan.FromMilliseconds(500);
                o.CallTimeout = TimeSpan.FromSeconds(2);
            });
            siloBuilder.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromMilliseconds(500);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
        }
    }
}

/// <summary>The same wiring, starting with one silo: a test adds the second.</summary>
public sealed class OneSiloDaemonShardClusterFixture : DaemonShardClusterFixture
{
    protected override short InitialSilos => 1;

    protected override string DatabaseName => "daemon_shards_join";
}
