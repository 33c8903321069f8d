using CallLoop.Domain;
using CallLoop.EventStore.Appending;
using CallLoop.EventStore.Subjects;
using Marten;

namespace CallLoop.EventStore.Incidents;

/// <summary>
/// Reads and appends one incident's own stream ("incident/{id}": subject ids never contain '/', so it can never be
/// a subject's stream), guarded by the expected version. Incidents are rare: a plain session, not the group commit.
/// </summary>
public sealed class IncidentStreams(IDocumentStore store)
{
    public static string StreamId(string incidentId) => $"incident/{incidentId}";

    public async Task<IncidentState> LoadAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(StreamId(incidentId), token: cancellationToken);
        return IncidentEvolver.Fold(events.Select(e => e.Data).OfType<IncidentEvent>());
    }

    /// <summary>
    /// Appends after <paramref name="currentVersion"/>, with <paramref name="alsoWrite"/>'s SQL in the same transaction.
    /// Throws <see cref="StreamVersionConflictException"/> when another writer got there first (nothing is written).
    /// </summary>
    public async Task AppendAsync(
        string incidentId,
        long currentVersion,
        IReadOnlyList<IncidentEvent> events,
        string? actor,
        Action<IDocumentOperations>? alsoWrite,
        CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var session = store.LightweightSession();
        if (actor is not null)
        {
            session.SetHeader("actor", actor);
        }

        var stream = StreamId(incidentId);
        var data = events.Cast<object>().ToArray();
        if (currentVersion == 0)
        {
            session.Events.StartStream(stream, data);
        }
        else
        {
            session.Events.Append(stream, currentVersion + data.Length, data);
        }

        alsoWrite?.Invoke(session);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception error) when (VersionConflicts.IsVersionConflict(error))
        {
            throw new StreamVersionConflictException(stream, currentVersion);
        }
    }
}
