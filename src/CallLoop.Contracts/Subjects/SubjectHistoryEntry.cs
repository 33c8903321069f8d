using CallLoop.Domain;

namespace CallLoop.Contracts.Subjects;

/// <summary>
/// One committed event of a subject's stream, as a client sees it; <see cref="Actor"/> is who made it (the caller's
/// name), null for what the system did by itself (reminders, deliveries, retention).
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.subject-history-entry")]
public sealed record SubjectHistoryEntry(
    [property: Id(0)] long Version,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] SubjectEvent Event,
    [property: Id(4)] string? Actor = null);
