namespace CallLoop.Domain;

/// <summary>Processing was restricted to legal-compliance and security purposes.</summary>
[GenerateSerializer, Immutable, Alias("callloop.processing-restricted")]
public sealed record ProcessingRestricted : SubjectEvent
{
    [Id(0)]
    public string? Reason { get; init; }

    [Id(1)]
    public string? RequestId { get; init; }
}
