namespace CallLoop.Contracts.Subjects;

/// <summary>
/// One event of a rights request: its stored type name (see <c>EventTypeNames</c>), when it was recorded and who made
/// it (<see cref="Actor"/>: the caller's name; null when the system acted by itself, e.g. a deadline reminder).
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.request-timeline-step")]
public sealed record RequestTimelineStep(
    [property: Id(0)] long Version,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] string? Actor);
