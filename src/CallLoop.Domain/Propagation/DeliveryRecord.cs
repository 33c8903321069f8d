namespace CallLoop.Domain;

/// <summary>One webhook delivery owed to a processor, folded from the subject's propagation events.</summary>
[GenerateSerializer, Immutable, Alias("callloop.delivery-record")]
public sealed record DeliveryRecord
{
    [Id(0)]
    public string DeliveryId { get; init; } = string.Empty;

    [Id(1)]
    public string Processor { get; init; } = string.Empty;

    [Id(2)]
    public long SourceSequence { get; init; }

    [Id(3)]
    public PropagationAction Action { get; init; }

    [Id(4)]
    public PersonalInformationCategory? Category { get; init; }

    [Id(5)]
    public OptOutScope? Scope { get; init; }

    [Id(6)]
    public ConsentPurpose? Purpose { get; init; }

    [Id(7)]
    public string? RequestId { get; init; }

    [Id(8)]
    public DeliveryStatus Status { get; init; }

    /// <summary>Attempts made so far (failed ones, plus the successful one).</summary>
    [Id(9)]
    public int Attempts { get; init; }

    [Id(10)]
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>
    /// Attempts made before the latest re-send (<see cref="WebhookRedeliveryRequested"/>). Attempt numbers keep
    /// counting, so a late duplicate of an old attempt is still recognised; the retry budget counts from here.
    /// </summary>
    [Id(11)]
    public int AttemptsBeforeRedelivery { get; init; }

    [Id(12)]
    public int Redeliveries { get; init; }

    [Id(13)]
    public DateTimeOffset? WaivedAt { get; init; }

    [Id(14)]
    public string? WaivedBy { get; init; }

    /// <summary>Free text, possibly personal: never logged nor used as a metric tag.</summary>
    [Id(15)]
    public string? WaiverReason { get; init; }

    /// <summary>Attempts since the delivery was planned or last re-sent.</summary>
    public int AttemptsThisRound => Attempts - AttemptsBeforeRedelivery;
}
