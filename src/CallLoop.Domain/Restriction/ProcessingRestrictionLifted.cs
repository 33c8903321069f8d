namespace CallLoop.Domain;

/// <summary>A processing restriction ended.</summary>
[GenerateSerializer, Immutable, Alias("callloop.processing-restriction-lifted")]
public sealed record ProcessingRestrictionLifted : SubjectEvent
{
    [Id(0)]
    public string? Reason { get; init; }
}
