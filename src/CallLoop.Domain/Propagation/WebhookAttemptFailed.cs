namespace CallLoop.Domain;

/// <summary>One attempt of a delivery failed; <see cref="Failure"/> is a code (timeout, connection-failed, http-503, ...).</summary>
[GenerateSerializer, Immutable, Alias("callloop.webhook-attempt-failed")]
public sealed record WebhookAttemptFailed : SubjectEvent
{
    [Id(0)]
    public string DeliveryId { get; init; } = string.Empty;

    [Id(1)]
    public string Processor { get; init; } = string.Empty;

    [Id(2)]
    public int Attempt { get; init; }

    [Id(3)]
    public string Failure { get; init; } = string.Empty;
}
