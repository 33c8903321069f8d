using CallLoop.EventStore.Configuration;
using CallLoop.EventStore.Phones;
using CallLoop.EventStore.Subjects;
using Marten;
using Microsoft.Extensions.Options;
using CallLoop.Orleans.PostgreSql;
using CallLoop.Silo.Hosting;
using CallLoop.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace CallLoop.Integration.Tests.Infrastructure;

/// <summary>A three-silo test cluster whose grains, storage and reminders run on a private PostgreSQL database.</summary>
public sealed class SubjectClusterFixture : IAsyncLifetime
{
    private const string ConnectionStringKey = "CallLoop:TestConnectionString";

    // The in-process silos share the fixture's store: Marten compiles its generated code once per store,
    // and compiling it three more times would dominate the test run on a small machine.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DocumentStore> SharedStores = new();

    /// <summary>The cluster's phone index key; tests recompute hashes with it to prove the index is keyed.</summary>
    public static readonly byte[] PhoneIndexKey = System.Text.Encoding.UTF8.GetBytes("test-cluster-phone-index-key-of-32+bytes");

    public TestCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The same event store the silos use, opened by the test itself: a second writer and a reader of raw tables.</summary>
    public DocumentStore Store { get; private set; } = null!;

    /// <summary>A writer of its own (own group-commit writer), as a second silo would be.</summary>
    public SubjectStreams Streams => new(
        Store,
        new CallLoop.EventStore.Appending.GroupCommitWriter(
            Store,
            TestDataSource,
            Options.Create(new CallLoop.EventStore.Appending.GroupCommitOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CallLoop.EventStore.Appending.GroupCommitWriter>.Instance),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<SubjectStreams>.Instance);

    private NpgsqlDataSource TestDataSource => testDataSource ??= NpgsqlDataSource.Create(ConnectionString);

    private NpgsqlDataSource? testDataSource;

    public PhoneIndex PhoneIndex => new(Store, Options.Create(new PhoneIndexOptions { Key = PhoneIndexKey }));

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabases.CreateAsync("cluster");
        await OrleansPostgresSchema.ApplyAsync(ConnectionString);

        Store = DocumentStore.For(options =>
        {
            options.Connection(ConnectionString);
            PrivacyEventStoreExtensions.ConfigureStore(options);
        });
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        SharedStores[ConnectionString] = Store;

        var builder = new TestClusterBuilder(3);
        builder.Properties[ConnectionStringKey] = ConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        SharedStores.TryRemove(ConnectionString, out _);
        Store.Dispose();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration[ConnectionStringKey]
                ?? throw new InvalidOperationException("The test cluster has no connection string.");
            siloBuilder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            siloBuilder.Services.AddCallLoopGrainServices();
            siloBuilder.Services.AddSingleton<IDocumentStore>(SharedStores[connectionString]);
            siloBuilder.Services.Configure<PhoneIndexOptions>(o => o.Key = PhoneIndexKey);
            siloBuilder.Services.Configure<CallLoop.Grains.Keys.EncryptionOptions>(TestMasterKeys.Configure);
            siloBuilder.AddCallLoopProviders();
        }
    }
}
