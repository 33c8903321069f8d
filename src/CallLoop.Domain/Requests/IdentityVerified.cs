namespace CallLoop.Domain;

/// <summary>The requester's identity was verified to the degree the request type needs.</summary>
[GenerateSerializer, Immutable, Alias("callloop.identity-verified")]
public sealed record IdentityVerified : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; set; } = string.Empty;

    [Id(1)]
    public VerificationMethod Method { get; set; }

    [Id(2)]
    public int DataPointsMatched { get; set; }

    [Id(3)]
    public bool SignedDeclaration { get; set; }

    [Id(4)]
    public DateTimeOffset VerifiedAt { get; set; }
}
