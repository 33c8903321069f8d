namespace CallLoop.Domain;

/// <summary>
/// An admin asked for a delivery to be sent again. The delivery is pending again with a fresh retry budget: its
/// attempts keep counting from <see cref="PreviousAttempts"/> (so every attempt number stays unique), but only those
/// after it count towards dead-lettering. <see cref="Reason"/> is free text: never logged nor used as a metric tag.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.webhook-redelivery-requested")]
public sealed record WebhookRedeliveryRequested : SubjectEvent
{
    [Id(0)]
    public string DeliveryId { get; init; } = string.Empty;

    [Id(1)]
    public string Processor { get; init; } = string.Empty;

    [Id(2)]
    public int PreviousAttempts { get; init; }

    [Id(3)]
    public string? Reason { get; init; }
}
