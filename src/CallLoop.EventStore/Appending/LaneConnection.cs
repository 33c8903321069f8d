using System.Data;
using System.Diagnostics;
using Npgsql;

namespace CallLoop.EventStore.Appending;

/// <summary>
/// A lane's own connection, kept open from one batch to the next: no pool hand-over and no session reset per batch,
/// and the write statement stays prepared on it. Before a batch, a connection that sat idle for
/// <see cref="GroupCommitOptions.IdleCheckAfter"/> is asked whether it still answers, and replaced if it does not, so a
/// connection that went stale while idle (the server restarted, a failover) fails no batch. A batch whose connection
/// broke all the same closes it, and every other lane of the writer replaces its own before its next batch: a broken
/// connection is most often the server restarting or going away, and a connection that sat idle through that is as
/// broken as the one that failed (Npgsql's pool clears its idle connections for the same reason). A batch that failed
/// on its own account (a conflict, a value refused) leaves the connection open and kept.
/// </summary>
internal sealed class LaneConnection(NpgsqlDataSource dataSource, LaneConnection.Failures failures, TimeSpan idleCheckAfter) : IAsyncDisposable
{
    /// <summary>How long the connection's cached plans are used before they are planned again.</summary>
    private static readonly TimeSpan PlanLifetime = TimeSpan.FromSeconds(1);

    private NpgsqlConnection? connection;
    private int failuresSeen;
    private long plannedAt;
    private long usedAt;

    public async ValueTask<NpgsqlConnection> OpenAsync()
    {
        var failed = failures.Count;
        if (connection is { State: ConnectionState.Open } open && failuresSeen == failed)
        {
            if (await StillAnswersAsync(open).ConfigureAwait(false))
            {
                return open;
            }

            failures.Record();
            failed = failures.Count;
        }

        await CloseAsync().ConfigureAwait(false);
        failuresSeen = failed;
        connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        plannedAt = usedAt = Stopwatch.GetTimestamp();
        return connection;
    }

    /// <summary>After a committed batch: the connection's idle time counts from here, not from the batch's start.</summary>
    public void AfterCommittedBatch() => usedAt = Stopwatch.GetTimestamp();

    /// <summary>
    /// After a failed batch, whose transaction is rolled back by then: a connection still open is kept (its idle time
    /// counts from here); a broken one is closed, and the other lanes' are presumed broken too.
    /// </summary>
    public ValueTask AfterFailedBatchAsync()
    {
        if (connection is { State: ConnectionState.Open })
        {
            usedAt = Stopwatch.GetTimestamp();
            return ValueTask.CompletedTask;
        }

        failures.Record();
        return CloseAsync();
    }

    public ValueTask DisposeAsync() => CloseAsync();

    /// <summary>
    /// One round trip before the batch, when one is due: every <see cref="PlanLifetime"/> a <c>DISCARD PLANS</c>, and
    /// after <c>idleCheckAfter</c> idle at least a <c>SELECT 1</c>. False when the connection broke on it (nothing of the
    /// batch was sent yet); any other failure is the batch's.
    /// </summary>
    /// <remarks>
    /// A plan cached on a long-lived connection (the prepared write statement's, the foreign key check's) keeps the
    /// table sizes it was made for until the tables are analyzed again; made while a fresh database's tables were nearly
    /// empty, it made every batch several times dearer for as long as a minute. Planning them again every second keeps
    /// them current at the cost of one statement a second.
    /// </remarks>
    private async ValueTask<bool> StillAnswersAsync(NpgsqlConnection open)
    {
        var plansDue = Stopwatch.GetElapsedTime(plannedAt) >= PlanLifetime;
        if (!plansDue && Stopwatch.GetElapsedTime(usedAt) < idleCheckAfter)
        {
            return true;
        }

        try
        {
            await using var command = new NpgsqlCommand(plansDue ? "DISCARD PLANS" : "SELECT 1", open);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException) when (open.State != ConnectionState.Open)
        {
            return false;
        }

        if (plansDue)
        {
            plannedAt = Stopwatch.GetTimestamp();
        }

        return true;
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
