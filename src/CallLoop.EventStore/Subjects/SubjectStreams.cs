using CallLoop.Domain;
using JasperFx.Events;
using Marten;

namespace CallLoop.EventStore.Subjects;

/// <summary>Reads and appends one data subject's stream, guarded by the stream's expected version.</summary>
public sealed class SubjectStreams(IDocumentStore store)
{
    public async Task<(SubjectState State, IReadOnlyList<SubjectEvent> Events)> LoadAsync(string subjectId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(subjectId, token: cancellationToken);
        var state = SubjectState.Initial;
        var loaded = new List<SubjectEvent>(events.Count);
        foreach (var e in events)
        {
            if (e.Data is SubjectEvent subjectEvent)
            {
                state = SubjectEvolver.Evolve(state, subjectEvent);
                loaded.Add(subjectEvent);
            }
        }

        return (state, loaded);
    }

    public async Task<IReadOnlyList<RecordedSubjectEvent>> HistoryAsync(string subjectId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(subjectId, token: cancellationToken);
        return events
            .Select(e => new RecordedSubjectEvent(e.Version, e.Sequence, e.EventTypeName, e.Timestamp, e.Data))
            .ToList();
    }

    /// <summary>
    /// Appends <paramref name="events"/> after <paramref name="currentVersion"/> and returns once committed.
    /// <paramref name="documents"/> writes documents (e.g. index entries) in the same transaction, so they
    /// commit or fail with the events. Throws <see cref="StreamVersionConflictException"/> when another writer got there first.
    /// </summary>
    public async Task AppendAsync(
        string subjectId,
        long currentVersion,
        IReadOnlyList<SubjectEvent> events,
        string? actor,
        CancellationToken cancellationToken,
        Action<IDocumentOperations>? documents = null)
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

        if (currentVersion == 0)
        {
            session.Events.StartStream(subjectId, events.Cast<object>().ToArray());
        }
        else
        {
            session.Events.Append(subjectId, currentVersion + events.Count, events.Cast<object>().ToArray());
        }

        documents?.Invoke(session);

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (IsVersionConflict(ex))
        {
            throw new StreamVersionConflictException(subjectId, currentVersion);
        }
    }

    private static bool IsVersionConflict(Exception ex) => ex switch
    {
        EventStreamUnexpectedMaxEventIdException => true,
        Marten.Exceptions.ExistingStreamIdCollisionException => true,
        JasperFx.ConcurrencyException => true,
        _ when ex.InnerException is not null => IsVersionConflict(ex.InnerException),
        _ => false,
    };
}
