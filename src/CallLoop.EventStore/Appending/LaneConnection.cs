using System.Data;
using Npgsql;

namespace CallLoop.EventStore.Appending;

/// <summary>
/// A lane's own connection, kept open from one batch to the next: no pool hand-over and no session reset per batch,
/// and the write statement stays prepared on it. A failed batch drops it, and every other lane of the writer replaces
/// its own before its next batch: a failure is most often the server restarting or going away, and a connection that
/// sat idle through that is as broken as the one that failed (Npgsql's pool clears its idle connections for the same
/// reason). So a restart costs each writer one failed batch, as it costs each pool one failed command.
/// </summary>
internal sealed class LaneConnection(NpgsqlDataSource dataSource, LaneConnection.Failures failures) : IAsyncDisposable
{
    private NpgsqlConnection? connection;
    private int failuresSeen;

    public async ValueTask<NpgsqlConnection> OpenAsync()
    {
        var failed = failures.Count;
        if (connection is { State: ConnectionState.Open } && failuresSeen == failed)
        {
            return connection;
        }

        await CloseAsync().ConfigureAwait(false);
        failuresSeen = failed;
        connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        return connection;
    }

    /// <summary>After a failed batch: its connection may be broken or aborted, and the other lanes' may be too.</summary>
    public ValueTask DropAsync()
    {
        failures.Record();
        return CloseAsync();
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private async ValueTask CloseAsync()
    {
        var closing = connection;
        connection = null;
        if (closing is not null)
        {
            await closing.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The failed batches of all of one writer's lanes.</summary>
    internal sealed class Failures
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Record() => Interlocked.Increment(ref count);
    }
}
