using CallLoop.Orleans.PostgreSql;
using CallLoop.Silo.Hosting;
using CallLoop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CallLoop.Integration.Tests.Publication.Durable;

/// <summary>
/// Three silos with the production wiring (publication daemon, ADO.NET streams on PostgreSQL) and a subscriber that
/// records its effects in the database. Stream batches held by a dying silo come back after five seconds.
/// Dedicated to one test class, since its test kills a silo.
/// </summary>
public sealed class DurableStreamClusterFixture : IAsyncLifetime
{
    public const string VisibilityTimeout = "00:00:05";

    public TestCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.Instance.CreateDatabaseAsync("durable_streams");
        await OrleansPostgresSchema.ApplyAsync(ConnectionString);
        await SubscriberLedger.CreateAsync(ConnectionString);

        var builder = new TestClusterBuilder(3);
        builder.Options.ServiceId = "durable-streams";
        builder.Options.ClusterId = $"durable-{Guid.NewGuid():N}"[..24];
        builder.Properties[PublicationSilo.ConnectionStringKey] = ConnectionString;
        builder.Properties[SubjectEventStreamsHosting.ProviderKey] = SubjectEventStreamsHosting.AdoNetProvider;
        builder.Properties[SubjectEventStreamsHosting.VisibilityTimeoutKey] = VisibilityTimeout;
        builder.AddSiloBuilderConfigurator<PublicationSilo>();
        builder.AddSiloBuilderConfigurator<LedgerSilo>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class LedgerSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddSingleton<SubscriberLedger>();
    }
}
