using CallLoop.Domain;
using JasperFx.Events;

namespace CallLoop.EventStore.Projections.Facts;

/// <summary>What the set-based projections read off each event of a page.</summary>
internal static class PageEvents
{
    /// <summary>When the event happened (the stamp the grain put on it; the store's timestamp for events written without one), in UTC.</summary>
    public static DateTimeOffset OccurredAt(IEvent e) =>
        (e.Data is SubjectEvent { OccurredAt: var at } && at != default ? at : e.Timestamp).ToUniversalTime();
}
