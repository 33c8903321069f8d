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
}
