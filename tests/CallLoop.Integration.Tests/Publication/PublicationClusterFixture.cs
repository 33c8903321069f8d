using CallLoop.Orleans.PostgreSql;
using CallLoop.Testing;
using Orleans.TestingHost;

namespace CallLoop.Integration.Tests.Publication;

/// <summary>Two silos on a private database, with the publication daemon and short reminder clocks.</summary>
public sealed class PublicationClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.Instance.CreateDatabaseAsync("publication");
        await OrleansPostgresSchema.ApplyAsync(ConnectionString);
        Cluster = PublicationSilo.Build(ConnectionString, "publication-tests", silos: 2);
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PublicationCollection : ICollectionFixture<PublicationClusterFixture>
{
    public const string Name = "publication cluster";
}
