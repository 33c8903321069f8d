namespace CallLoop.Domain;

/// <summary>The requester's identity could not be verified.</summary>
[GenerateSerializer, Immutable, Alias("callloop.identity-verification-failed")]
public sealed record IdentityVerificationFailed : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public VerificationMethod Method { get; init; }

    [Id(2)]
    public int DataPointsMatched { get; init; }

    [Id(3)]
    public string? Reason { get; init; }

    [Id(4)]
    public DateTimeOffset FailedAt { get; init; }
}
