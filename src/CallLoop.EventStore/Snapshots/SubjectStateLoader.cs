using CallLoop.Domain;
using CallLoop.EventStore.Protection;
using Marten;
using Microsoft.Extensions.Logging;

namespace CallLoop.EventStore.Snapshots;

/// <summary>
/// Loads a subject's state from its latest snapshot plus the events after it, and refreshes the snapshot once
/// that tail has grown past <see cref="SnapshotEvery"/> events, so that no activation replays a long history twice.
/// </summary>
internal static partial class SubjectStateLoader
{
    public const int SnapshotEvery = 100;

    /// <summary>The state with personal values as stored (sealed).</summary>
    public static Task<SubjectState> LoadAsync(IDocumentStore store, string subjectId, ILogger logger, CancellationToken cancellationToken) =>
        LoadAsync(store, subjectId, null, logger, cancellationToken);

    /// <summary>
    /// With a <paramref name="protector"/>, personal values are opened (snapshot and events) and the state is plain;
    /// without one, the state holds the values as stored (sealed).
    /// </summary>
    public static async Task<SubjectState> LoadAsync(IDocumentStore store, string subjectId, IPersonalValueProtector? protector, ILogger logger, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var snapshot = await TryLoadSnapshotAsync(session, subjectId, logger, cancellationToken);
        var state = snapshot?.State ?? SubjectState.Initial;
        if (snapshot is not null && protector is not null)
        {
            state = await protector.OpenAsync(state, snapshot.SealedBirthDate);
        }

        var streamVersion = snapshot?.Version ?? 0;
        var tail = await session.Events.FetchStreamAsync(subjectId, fromVersion: streamVersion + 1, token: cancellationToken);
        var events = tail.Select(e => e.Data).OfType<SubjectEvent>().ToArray();
        if (tail.Count > 0)
        {
            streamVersion = tail[^1].Version;
        }

        var opened = protector is null ? events : await protector.OpenAsync(events);
        state = opened.Aggregate(state, SubjectEvolver.Evolve);

        if (tail.Count >= SnapshotEvery)
        {
            var (stored, sealedBirthDate) = protector is null ? (state, null) : await protector.SealAsync(state);
            await SaveAsync(store, subjectId, streamVersion, stored, sealedBirthDate, cancellationToken);
        }

        return state;
    }

    private static async Task<SubjectSnapshot?> TryLoadSnapshotAsync(IQuerySession session, string subjectId, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await session.LoadAsync<SubjectSnapshot>(subjectId, cancellationToken);
            return snapshot is { Shape: SubjectSnapshot.CurrentShape } ? snapshot : null;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // An unreadable snapshot is only a lost shortcut: replay the whole stream and write a fresh one.
            LogUnreadable(logger, error.GetType().Name);
            return null;
        }
    }

    private static async Task SaveAsync(IDocumentStore store, string subjectId, long streamVersion, SubjectState state, string? sealedBirthDate, CancellationToken cancellationToken)
    {
        // Outside the events' transaction on purpose: the state at version V follows from events 1..V, which never change.
        await using var session = store.LightweightSession();
        session.Store(new SubjectSnapshot { Id = subjectId, Shape = SubjectSnapshot.CurrentShape, Version = streamVersion, State = state, SealedBirthDate = sealedBirthDate });
        await session.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subject snapshot could not be read ({ErrorType}); replaying the full stream")]
    private static partial void LogUnreadable(ILogger logger, string errorType);
}
