namespace CallLoop.Domain;

/// <summary>The processor confirmed it carried out a delivery's instruction.</summary>
[GenerateSerializer, Immutable, Alias("callloop.processor-acknowledged")]
public sealed record ProcessorAcknowledged : SubjectEvent
{
    [Id(0)]
    public string DeliveryId { get; init; } = string.Empty;

    [Id(1)]
    public string Processor { get; init; } = string.Empty;

    [Id(2)]
    public string? RequestId { get; init; }
}
