namespace CallLoop.Domain;

/// <summary>The subject withdrew a consent.</summary>
[GenerateSerializer, Immutable, Alias("callloop.consent-withdrawn")]
public sealed record ConsentWithdrawn : SubjectEvent
{
    [Id(0)]
    public ConsentPurpose Purpose { get; init; }

    [Id(1)]
    public string? Channel { get; init; }

    [Id(2)]
    public string? Evidence { get; init; }

    [Id(3)]
    public string? RequestId { get; init; }
}
