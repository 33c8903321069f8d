namespace CallLoop.Domain;

/// <summary>The response period was extended once, with the reason given to the requester.</summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-extended")]
public sealed record RightsRequestExtended : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public string Reason { get; init; } = string.Empty;

    [Id(2)]
    public DateTimeOffset PreviousDueAt { get; init; }

    [Id(3)]
    public DateTimeOffset DueAt { get; init; }
}
