namespace CallLoop.Domain;

/// <summary>One webhook owed to one processor for one source event.</summary>
[GenerateSerializer, Immutable, Alias("callloop.planned-delivery")]
public sealed record PlannedDelivery
{
    [Id(0)]
    public string DeliveryId { get; init; } = string.Empty;

    [Id(1)]
    public string Processor { get; init; } = string.Empty;
}
