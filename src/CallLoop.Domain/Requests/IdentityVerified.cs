namespace CallLoop.Domain;

/// <summary>The requester's identity was verified to the degree the request type needs.</summary>
[GenerateSerializer, Immutable, Alias("callloop.identity-verified")]
public sealed record IdentityVerified : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public VerificationMethod Method { get; init; }

    [Id(2)]
    public int DataPointsMatched { get; init; }

    [Id(3)]
    public bool SignedDeclaration { get; init; }

    [Id(4)]
    public DateTimeOffset VerifiedAt { get; init; }
}
