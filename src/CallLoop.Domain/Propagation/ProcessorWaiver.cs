namespace CallLoop.Domain;

/// <summary>A delivery about a request that an admin waived: which processor, who, when and why (free text).</summary>
[GenerateSerializer, Immutable, Alias("callloop.processor-waiver")]
public sealed record ProcessorWaiver
{
    [Id(0)]
    public string Processor { get; init; } = string.Empty;

    [Id(1)]
    public string DeliveryId { get; init; } = string.Empty;

    [Id(2)]
    public string Reason { get; init; } = string.Empty;

    [Id(3)]
    public string WaivedBy { get; init; } = string.Empty;

    [Id(4)]
    public DateTimeOffset WaivedAt { get; init; }
}
