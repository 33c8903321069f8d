using JasperFx.Events;
using Marten;

namespace CallLoop.EventStore.Appending;

/// <summary>Puts a batch's accepted appends into one Marten session: one stream action per stream, events in order (or only their documents).</summary>
internal static class BatchStaging
{
    public static void Stage(IDocumentSession session, IReadOnlyList<PendingAppend> accepted, bool includeEvents = true)
    {
        if (!includeEvents)
        {
            foreach (var pending in accepted)
            {
                StageDocuments(session, pending.Append);
            }

            return;
        }

        foreach (var stream in accepted.GroupBy(p => p.Append.StreamId, StringComparer.Ordinal))
        {
            var appends = stream.ToList();
            var events = appends.SelectMany(p => p.Append.Events).ToArray();

            // The versions were checked (and locked) already, so Marten takes its bulk quick-append path
            // instead of its per-event path for optimistic appends.
            var action = appends[0].Append.ExpectedVersion == 0
                ? session.Events.StartStream(stream.Key, events)
                : session.Events.Append(stream.Key, events);

            var offset = 0;
            foreach (var pending in appends)
            {
                for (var i = 0; i < pending.Append.Events.Count; i++)
                {
                    var stored = action.Events[offset + i];
                    if (stored.Id == Guid.Empty)
                    {
                        stored.Id = Guid.CreateVersion7();
                    }

                    // The trace of the command that made the append, not of the writer's lane that commits it.
                    stored.CausationId = pending.Append.CausationId;
                    stored.CorrelationId = pending.Append.CorrelationId;

                    foreach (var (key, value) in pending.Append.Headers ?? Empty)
                    {
                        stored.SetHeader(key, value);
                    }
                }

                pending.FirstEventId = action.Events[offset].Id;
                offset += pending.Append.Events.Count;
                StageDocuments(session, pending.Append);
            }
        }
    }

    private static void StageDocuments(IDocumentSession session, StreamAppend append)
    {
        if (append.Documents is { Count: > 0 } documents)
        {
            session.StoreObjects(documents);
        }

        append.DocumentChanges?.Invoke(session);
    }

    private static readonly Dictionary<string, object> Empty = [];
}
