namespace CallLoop.Domain;

/// <summary>The processor's endpoint answered a delivery with a success status.</summary>
[GenerateSerializer, Immutable, Alias("callloop.webhook-delivered")]
public sealed record WebhookDelivered : SubjectEvent
{
    [Id(0)]
    public string DeliveryId { get; init; } = string.Empty;

    [Id(1)]
    public string Processor { get; init; } = string.Empty;

    [Id(2)]
    public int Attempt { get; init; }

    [Id(3)]
    public int StatusCode { get; init; }
}
