using CallLoop.Contracts.Subjects;

namespace CallLoop.Silo.Subjects;

/// <summary>
/// One event of the history over HTTP. <see cref="Event"/> is typed <c>object</c> so the JSON carries the
/// concrete event's fields, not only those of its abstract base. <see cref="Actor"/>: who made it (null: the system).
/// </summary>
public sealed record HistoryEntryResponse(long Version, string Type, DateTimeOffset RecordedAt, object Event, string? Actor)
{
    public static HistoryEntryResponse From(SubjectHistoryEntry entry) => new(entry.Version, entry.Type, entry.RecordedAt, entry.Event, entry.Actor);
}
