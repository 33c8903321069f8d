using CallLoop.EventStore.Appending;
using CallLoop.EventStore.Configuration;
using CallLoop.Testing;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallLoop.Integration.Tests.Appending;

/// <summary>The project's Marten store on its own database, without Orleans: for tests of the group commit itself.</summary>
public sealed class EventStoreFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public IDocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.Instance.CreateDatabaseAsync("appending");
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        Store = DocumentStore.For(options =>
        {
            PrivacyEventStoreExtensions.ConfigureStore(options);
            options.Connection(DataSource);
        });
        await Store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent));
    }

    public GroupCommitWriter NewWriter(GroupCommitOptions? options = null) =>
        new(Store, DataSource, Options.Create(options ?? new GroupCommitOptions()), NullLogger<GroupCommitWriter>.Instance);

    internal BatchCommitter NewCommitter(GroupCommitPath path = GroupCommitPath.SetBased) => new(Store, DataSource, new GroupCommitOptions { Path = path }, NullLogger.Instance);

    public async Task DisposeAsync()
    {
        Store.Dispose();
        await DataSource.DisposeAsync();
    }
}
