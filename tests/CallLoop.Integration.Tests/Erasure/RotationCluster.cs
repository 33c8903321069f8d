using System.Collections.Concurrent;
using CallLoop.EventStore.Configuration;
using CallLoop.EventStore.Phones;
using CallLoop.Grains.Keys;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Orleans.PostgreSql;
using CallLoop.Silo.Hosting;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace CallLoop.Integration.Tests.Erasure;

/// <summary>
/// A database that outlives its clusters: each <see cref="StartAsync"/> deploys a fresh two-silo cluster on it with
/// the master keys given, as a redeployment with a changed <c>CallLoop:Encryption</c> would.
/// </summary>
public sealed class RotationCluster : IAsyncLifetime
{
    private const string ConnectionStringKey = "CallLoop:TestConnectionString";
    private const string MasterKeysKey = "CallLoop:TestMasterKeys";

    private static readonly ConcurrentDictionary<string, DocumentStore> Stores = new();

    public string ConnectionString { get; private set; } = string.Empty;

    public DocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabases.CreateAsync("rotation");
        await OrleansPostgresSchema.ApplyAsync(ConnectionString);
        Store = DocumentStore.For(options =>
        {
            options.Connection(ConnectionString);
            PrivacyEventStoreExtensions.ConfigureStore(options);
        });
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        Stores[ConnectionString] = Store;
    }

    public Task DisposeAsync()
    {
        Stores.TryRemove(ConnectionString, out _);
        Store.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Master keys as <c>id=base64</c> pairs; the first is current.</summary>
    public async Task<TestCluster> StartAsync(params (string Id, string Key)[] masterKeys)
    {
        var builder = new TestClusterBuilder(2);
        builder.Options.ClusterId = $"rotation-{Guid.NewGuid():N}";
        builder.Options.ServiceId = "rotation";
        builder.Properties[ConnectionStringKey] = ConnectionString;
        builder.Properties[MasterKeysKey] = string.Join(';', masterKeys.Select(k => $"{k.Id}={k.Key}"));
        builder.AddSiloBuilderConfigurator<Configurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration[ConnectionStringKey]!;
            var keys = siloBuilder.Configuration[MasterKeysKey]!.Split(';').Select(pair => pair.Split('=', 2)).ToArray();
            siloBuilder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            siloBuilder.Services.AddCallLoopGrainServices(publish: false);
            siloBuilder.Services.AddSingleton<IDocumentStore>(Stores[connectionString]);
            siloBuilder.Services.Configure<PhoneIndexOptions>(o => o.Key = SubjectClusterFixture.PhoneIndexKey);
            siloBuilder.Services.Configure<EncryptionOptions>(o =>
            {
                foreach (var key in keys)
                {
                    o.MasterKeys[key[0]] = key[1];
                }

                o.CurrentMasterKeyId = keys[0][0];
            });
            siloBuilder.AddCallLoopProviders();
        }
    }
}
