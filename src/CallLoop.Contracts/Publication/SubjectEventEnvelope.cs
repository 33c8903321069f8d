using CallLoop.Domain;

namespace CallLoop.Contracts.Publication;

/// <summary>
/// One committed event of a subject as published on the "subjects" stream. Delivery is at least once:
/// <see cref="Sequence"/> (Marten's global, gap-free per subject order) lets consumers drop repeats, and
/// <see cref="Version"/> (the position in the subject's stream) lets them notice a missed event.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.subject-event-envelope")]
public sealed record SubjectEventEnvelope(
    [property: Id(0)] string SubjectId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] long Version,
    [property: Id(3)] string Type,
    [property: Id(4)] DateTimeOffset RecordedAt,
    [property: Id(5)] SubjectEvent Event);
