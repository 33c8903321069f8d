using System.Data;
using System.Diagnostics;
using Npgsql;

namespace CallLoop.EventStore.Appending;

/// <summary>
/// A lane's own connection, kept open from one batch to the next: no pool hand-over and no session reset per batch,
/// and the write statement stays prepared on it. A batch whose connection broke closes it, and every other lane of the
/// writer replaces its own before its next batch: a broken connection is most often the server restarting or going
/// away, and a connection that sat idle through that is as broken as the one that failed (Npgsql's pool clears its idle
/// connections for the same reason). So a restart costs each writer one failed batch, as it costs each pool one failed
/// command. A batch that failed on its own account (a conflict, a value refused) leaves the connection open and kept.
/// </summary>
internal sealed class LaneConnection(NpgsqlDataSource dataSource, LaneConnection.Failures failures) : IAsyncDisposable
{
    /// <summary>How long the connection's cached plans are used before they are planned again.</summary>
    private static readonly TimeSpan PlanLifetime = TimeSpan.FromSeconds(1);

    private NpgsqlConnection? connection;
    private int failuresSeen;
    private long plannedAt;

    public async ValueTask<NpgsqlConnection> OpenAsync()
    {
        var failed = failures.Count;
        if (connection is { State: ConnectionState.Open } && failuresSeen == failed)
        {
            if (Stopwatch.GetElapsedTime(plannedAt) >= PlanLifetime)
            {
                await DiscardPlansAsync(connection).ConfigureAwait(false);
            }

            return connection;
        }

        await CloseAsync().ConfigureAwait(false);
        failuresSeen = failed;
        connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        plannedAt = Stopwatch.GetTimestamp();
        return connection;
    }

    /// <summary>
    /// After a failed batch, whose transaction is rolled back by then: a connection still open is kept; a broken one is
    /// closed, and the other lanes' are presumed broken too.
    /// </summary>
    public ValueTask AfterFailedBatchAsync()
    {
        if (connection is { State: ConnectionState.Open })
        {
            return ValueTask.CompletedTask;
        }

        failures.Record();
        return CloseAsync();
    }

    public ValueTask DisposeAsync() => CloseAsync();

    /// <summary>
    /// A plan cached on a long-lived connection (the prepared write statement's, the foreign key check's) keeps the
    /// table sizes it was made for until the tables are analyzed again; made while a fresh database's tables were nearly
    /// empty, it made every batch several times dearer for as long as a minute. Planning them again every second keeps
    /// them current at the cost of one statement a second.
    /// </summary>
    private async ValueTask DiscardPlansAsync(NpgsqlConnection open)
    {
        await using var discard = new NpgsqlCommand("DISCARD PLANS", open);
        await discard.ExecuteNonQueryAsync().ConfigureAwait(false);
        plannedAt = Stopwatch.GetTimestamp();
    }

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
