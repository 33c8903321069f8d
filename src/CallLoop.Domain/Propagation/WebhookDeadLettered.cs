namespace CallLoop.Domain;

/// <summary>A delivery used up its attempts; it is no longer retried and needs a person to follow it up.</summary>
[GenerateSerializer, Immutable, Alias("callloop.webhook-dead-lettered")]
public sealed record WebhookDeadLettered : SubjectEvent
{
    [Id(0)]
    public string DeliveryId { get; init; } = string.Empty;

    [Id(1)]
    public string Processor { get; init; } = string.Empty;

    [Id(2)]
    public int Attempts { get; init; }
}
