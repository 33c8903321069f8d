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

    /// <summary>A batch committer with a lane connection of its own, as one lane of the writer has.</summary>
    internal LaneCommitter NewCommitter(GroupCommitPath path = GroupCommitPath.SetBased) =>
        new(new BatchCommitter(Store, DataSource, new GroupCommitOptions { Path = path }, NullLogger.Instance), new LaneConnection(DataSource, new LaneConnection.Failures(), new GroupCommitOptions().IdleCheckAfter));

    internal sealed class LaneCommitter(BatchCommitter committer, LaneConnection lane) : IAsyncDisposable
    {
        public Task CommitAsync(IReadOnlyList<PendingAppend> batch) => committer.CommitAsync(batch, lane);

        public ValueTask DisposeAsync() => lane.DisposeAsync();
    }

    public async Task DisposeAsync()
    {
        Store.Dispose();
        await DataSource.DisposeAsync();
    }
}
