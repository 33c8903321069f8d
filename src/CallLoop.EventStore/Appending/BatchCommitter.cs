using System.Diagnostics;
using CallLoop.EventStore.Subjects;
using CallLoop.EventStore.Telemetry;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CallLoop.EventStore.Appending;

/// <summary>
/// Commits one batch of appends in one PostgreSQL transaction through a Marten session (the quick append path),
/// then settles each append: committed, conflicting (only that append), or failed with the batch.
/// </summary>
internal sealed partial class BatchCommitter(IDocumentStore store, NpgsqlDataSource dataSource, GroupCommitOptions options, ILogger logger)
{
    private const int Attempts = 3;

    private readonly StreamVersionLocks locks = new(store.Options.Events.DatabaseSchemaName);

    private readonly SetBasedEventWriter? setBased =
        options.Path == GroupCommitPath.SetBased && new SetBasedEventWriter(store) is { Usable: true } writer ? writer : null;

    private Task? eventTablesReady;

    /// <summary>Never throws: every append's task carries its own outcome.</summary>
    public async Task CommitAsync(IReadOnlyList<PendingAppend> batch, LaneConnection lane)
    {
        IReadOnlyList<PendingAppend> remaining = batch;
        var oneByOne = false;
        for (var attempt = 0; attempt < Attempts && remaining.Count > 0 && !oneByOne; attempt++)
        {
            (remaining, oneByOne) = await TryCommitAsync(remaining, lane).ConfigureAwait(false);
        }

        // A stream kept appearing between check and append, or one append poisons its batch:
        // commit the rest one by one so that only the offender fails.
        foreach (var pending in remaining)
        {
            var (left, _) = await TryCommitAsync([pending], lane).ConfigureAwait(false);
            foreach (var conflicting in left)
            {
                conflicting.Fail(new StreamVersionConflictException(conflicting.Append.StreamId, conflicting.Append.ExpectedVersion));
            }
        }
    }

    /// <summary>Returns the appends to try again (none once every outcome is settled), and whether to try them one by one.</summary>
    private async Task<(IReadOnlyList<PendingAppend> Retry, bool OneByOne)> TryCommitAsync(IReadOnlyList<PendingAppend> batch, LaneConnection lane)
    {
        List<PendingAppend> accepted = [];
        var committing = false;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await EnsureEventTablesAsync().ConfigureAwait(false);
            var connection = await lane.OpenAsync().ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            (accepted, var conflicts) = await WriteAsync(transaction, batch).ConfigureAwait(false);
            foreach (var conflict in conflicts)
            {
                conflict.Fail(new StreamVersionConflictException(conflict.Append.StreamId, conflict.Append.ExpectedVersion));
            }

            committing = true;
            await transaction.CommitAsync().ConfigureAwait(false);
            lane.AfterCommittedBatch();
        }
        catch (Exception error)
        {
            await lane.AfterFailedBatchAsync().ConfigureAwait(false);
            return await SettleFailedAttemptAsync(batch, accepted, committing, error).ConfigureAwait(false);
        }

        // The Marten path is measured by AppendLatencyListener; the set-based path writes events past Marten's session.
        if (setBased is not null && accepted.Count > 0)
        {
            PrivacyMetrics.AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        foreach (var pending in accepted)
        {
            pending.Succeed();
        }

        return ([], false);
    }

    /// <summary>Settles what a failed attempt leaves: the appends to try again, and whether one by one.</summary>
    private async Task<(IReadOnlyList<PendingAppend> Retry, bool OneByOne)> SettleFailedAttemptAsync(
        IReadOnlyList<PendingAppend> batch, List<PendingAppend> accepted, bool committing, Exception error)
    {
        if (committing)
        {
            await SettleInDoubtAsync(accepted, error).ConfigureAwait(false);
            return ([], false);
        }

        if (VersionConflicts.IsVersionConflict(error))
        {
            LogLateConflict(logger, batch.Count);
            return (Unsettled(batch), false);
        }

        if (batch.Count > 1 && IsPoison(error))
        {
            LogPoison(logger, error.GetType().Name, batch.Count);
            return (Unsettled(batch), true);
        }

        LogFailed(logger, error, batch.Count);
        foreach (var pending in batch)
        {
            pending.Fail(error);
        }

        return ([], false);
    }

    /// <summary>
    /// Writes the batch's events and documents; returns the appends written and those whose expected version their
    /// stream is not at. The set-based path first writes, in one statement, every stream at the version its appends
    /// expect (a grain knows its stream's version, so that is nearly every one); only the rest are locked and read.
    /// </summary>
    private async Task<(List<PendingAppend> Accepted, List<PendingAppend> Conflicts)> WriteAsync(NpgsqlTransaction transaction, IReadOnlyList<PendingAppend> batch)
    {
        List<PendingAppend> accepted = [];
        List<PendingAppend> conflicts = [];
        var toLock = batch;
        if (setBased is not null)
        {
            (accepted, conflicts, var elsewhere) = await setBased.WriteAtExpectedVersionsAsync(transaction, batch).ConfigureAwait(false);
            toLock = elsewhere;
        }

        if (toLock.Count > 0)
        {
            var versions = await locks.LockAsync(transaction, toLock.Select(p => p.Append.StreamId)).ConfigureAwait(false);
            var (lockedAccepted, lockedConflicts) = BatchPlan.Split(toLock, versions);
            if (setBased is not null && lockedAccepted.Count > 0)
            {
                await setBased.WriteAsync(transaction, lockedAccepted, versions).ConfigureAwait(false);
            }

            accepted.AddRange(lockedAccepted);
            conflicts.AddRange(lockedConflicts);
        }

        var withDocuments = setBased is null ? accepted : accepted.Where(p => p.Append.HasDocumentWork).ToList();
        if (withDocuments.Count > 0)
        {
            await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
            BatchStaging.Stage(session, withDocuments, includeEvents: setBased is null);
            await session.SaveChangesAsync().ConfigureAwait(false);
        }

        return (accepted, conflicts);
    }

    /// <summary>The version check reads Marten's tables directly, so they must exist before the first batch.</summary>
    private Task EnsureEventTablesAsync()
    {
        if (eventTablesReady is null || eventTablesReady.IsFaulted || eventTablesReady.IsCanceled)
        {
            eventTablesReady = store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent)).AsTask();
        }

        return eventTablesReady;
    }

    /// <summary>The connection broke during COMMIT: the events are either all there or all absent; look.</summary>
    private async Task SettleInDoubtAsync(List<PendingAppend> accepted, Exception error)
    {
        var committed = false;
        try
        {
            var ids = accepted.Select(p => p.FirstEventId).Where(id => id != Guid.Empty).ToArray();
            committed = ids.Length > 0 && await locks.CountEventsAsync(dataSource, ids).ConfigureAwait(false) > 0;
        }
        catch (Exception lookError)
        {
            LogInDoubt(logger, lookError, accepted.Count);
        }

        foreach (var pending in accepted)
        {
            if (committed)
            {
                pending.Succeed();
            }
            else
            {
                pending.Fail(error);
            }
        }
    }

    /// <summary>The appends of a batch whose outcome is not known yet, to try again after a failed attempt.</summary>
    private static List<PendingAppend> Unsettled(IReadOnlyList<PendingAppend> batch) => batch.Where(p => !p.Completion.IsCompleted).ToList();

    /// <summary>
    /// An error that one append's own data can cause (a value PostgreSQL refuses, a document breaking a unique index,
    /// an event that does not serialize), as opposed to the database or the connection failing.
    /// </summary>
    private static bool IsPoison(Exception error) => error switch
    {
        PostgresException pg => pg.SqlState.StartsWith("22", StringComparison.Ordinal) || pg.SqlState.StartsWith("23", StringComparison.Ordinal),
        NpgsqlException => false,
        OperationCanceledException => false,
        _ when error.InnerException is not null => IsPoison(error.InnerException),
        _ => true,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stream moved between the version check and the append of a batch of {Count}; checking again")]
    private static partial void LogLateConflict(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} appends failed with {ErrorType}; committing them one by one to isolate the offender")]
    private static partial void LogPoison(ILogger logger, string errorType, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} appends failed; none of them was committed")]
    private static partial void LogFailed(ILogger logger, Exception error, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The commit of a batch of {Count} appends was interrupted and its outcome could not be read back; reported as failed")]
    private static partial void LogInDoubt(ILogger logger, Exception error, int count);
}
