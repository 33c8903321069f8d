namespace CallLoop.Domain;

/// <summary>
/// A delete request was carried out here; it completes (with <see cref="Outcome"/>) once every affected processor
/// has acknowledged the erasure.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-awaiting-processors")]
public sealed record RightsRequestAwaitingProcessors : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public RequestOutcome Outcome { get; init; }

    [Id(2)]
    public string? Explanation { get; init; }

    [Id(3)]
    public DateTimeOffset FulfilledAt { get; init; }
}
