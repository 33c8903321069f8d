using CallLoop.Domain;
using CallLoop.EventStore.Appending;
using CallLoop.EventStore.Protection;
using CallLoop.EventStore.Snapshots;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Logging;

namespace CallLoop.EventStore.Subjects;

/// <summary>Reads and appends one data subject's stream in Marten, guarded by the stream's expected version.</summary>
public sealed class SubjectStreams(IDocumentStore store, GroupCommitWriter writer, ILogger<SubjectStreams> logger) : ISubjectStreams
{
    /// <summary>The subject's current state: its latest snapshot plus the events after it (an activation's read).</summary>
    public Task<SubjectState> LoadStateAsync(string subjectId, CancellationToken cancellationToken) =>
        SubjectStateLoader.LoadAsync(store, subjectId, null, logger, cancellationToken);

    /// <summary>The subject's current state with its personal values opened by <paramref name="protector"/> (the grain's read).</summary>
    public Task<SubjectState> LoadStateAsync(string subjectId, IPersonalValueProtector protector, CancellationToken cancellationToken) =>
        SubjectStateLoader.LoadAsync(store, subjectId, protector, logger, cancellationToken);

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
            .Select(e => new RecordedSubjectEvent(e.Version, e.Sequence, e.EventTypeName, e.Timestamp, e.Data, ActorOf(e)))
            .ToList();
    }

    /// <summary>The <c>actor</c> header an append stored (read back as a JSON string).</summary>
    private static string? ActorOf(IEvent e) =>
        e.Headers is { } headers && headers.TryGetValue("actor", out var actor) && actor?.ToString() is { Length: > 0 } name ? name : null;

    /// <summary>Appends <paramref name="events"/> after <paramref name="currentVersion"/>, with no side writes.</summary>
    public Task AppendAsync(string subjectId, long currentVersion, IReadOnlyList<SubjectEvent> events, string? actor, CancellationToken cancellationToken) =>
        AppendAsync(new SubjectAppend(subjectId, currentVersion, events, actor), cancellationToken);

    public Task AppendAsync(SubjectAppend append, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(append);
        if (append.Events.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Group commit: this command shares a transaction with other grains' commands and returns after it commits (the
        // writer's own task, not awaited here: one continuation less per command).
        return writer.AppendAsync(
            new StreamAppend(append.SubjectId, append.ExpectedVersion, append.Events)
            {
                Headers = append.Actor is null ? null : new Dictionary<string, object> { ["actor"] = append.Actor },
                DocumentChanges = append.PhoneIndex is null && !append.RemovesSnapshot ? null : DocumentChanges(append),
            },
            cancellationToken);
    }

    /// <summary>The phone index entries and the snapshot removal an append carries (made only for an append that has some).</summary>
    private static Action<IDocumentOperations> DocumentChanges(SubjectAppend append)
    {
        var (subjectId, phones, removesSnapshot) = (append.SubjectId, append.PhoneIndex, append.RemovesSnapshot);
        return documents =>
        {
            phones?.ApplyTo(documents);
            if (removesSnapshot)
            {
                documents.Delete<SubjectSnapshot>(subjectId);
            }
        };
    }
}
