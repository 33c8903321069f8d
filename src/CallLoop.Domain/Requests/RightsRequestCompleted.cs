namespace CallLoop.Domain;

/// <summary>A response was sent; the record is kept for at least 24 months.</summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-completed")]
public sealed record RightsRequestCompleted : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public RequestOutcome Outcome { get; init; }

    [Id(2)]
    public DenialReason? DenialReason { get; init; }

    [Id(3)]
    public string? Explanation { get; init; }

    [Id(4)]
    public DateTimeOffset CompletedAt { get; init; }
}
