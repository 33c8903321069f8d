namespace CallLoop.Domain;

/// <summary>One webhook delivery owed to a processor, folded from the subject's propagation events.</summary>
[GenerateSerializer, Immutable, Alias("callloop.delivery-record")]
public sealed record DeliveryRecord
{
    [Id(0)]
    public string DeliveryId { get; set; } = string.Empty;

    [Id(1)]
    public string Processor { get; set; } = string.Empty;

    [Id(2)]
    public long SourceSequence { get; set; }

    [Id(3)]
    public PropagationAction Action { get; set; }

    [Id(4)]
    public PersonalInformationCategory? Category { get; set; }

    [Id(5)]
    public OptOutScope? Scope { get; set; }

    [Id(6)]
    public ConsentPurpose? Purpose { get; set; }

    [Id(7)]
    public string? RequestId { get; set; }

    [Id(8)]
    public DeliveryStatus Status { get; set; }

    /// <summary>Attempts made so far (failed ones, plus the successful one).</summary>
    [Id(9)]
    public int Attempts { get; set; }

    [Id(10)]
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>
    /// Attempts made before the latest re-send (<see cref="WebhookRedeliveryRequested"/>). Attempt numbers keep
    /// counting, so a late duplicate of an old attempt is still recognised; the retry budget counts from here.
    /// </summary>
    [Id(11)]
    public int AttemptsBeforeRedelivery { get; set; }

    [Id(12)]
    public int Redeliveries { get; set; }

    [Id(13)]
    public DateTimeOffset? WaivedAt { get; set; }

    [Id(14)]
    public string? WaivedBy { get; set; }

    /// <summary>Free text, possibly personal: never logged nor used as a metric tag.</summary>
    [Id(15)]
    public string? WaiverReason { get; set; }

    /// <summary>Attempts since the delivery was planned or last re-sent.</summary>
    public int AttemptsThisRound => Attempts - AttemptsBeforeRedelivery;
}
