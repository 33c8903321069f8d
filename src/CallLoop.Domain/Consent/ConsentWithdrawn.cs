namespace CallLoop.Domain;

/// <summary>The subject withdrew a consent.</summary>
[GenerateSerializer, Immutable, Alias("callloop.consent-withdrawn")]
public sealed record ConsentWithdrawn : SubjectEvent
{
    [Id(0)]
    public ConsentPurpose Purpose { get; set; }

    [Id(1)]
    public string? Channel { get; set; }

    [Id(2)]
    public string? Evidence { get; set; }

    [Id(3)]
    public string? RequestId { get; set; }
}
