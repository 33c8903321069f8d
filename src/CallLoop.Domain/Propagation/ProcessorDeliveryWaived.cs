namespace CallLoop.Domain;

/// <summary>
/// An admin settled a delivery without the processor's acknowledgement. Distinct from
/// <see cref="ProcessorAcknowledged"/>: the request's record shows the processor as waived, with
/// <see cref="Reason"/> (free text, possibly personal: never logged nor used as a metric tag).
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.processor-delivery-waived")]
public sealed record ProcessorDeliveryWaived : SubjectEvent
{
    [Id(0)]
    public string DeliveryId { get; init; } = string.Empty;

    [Id(1)]
    public string Processor { get; init; } = string.Empty;

    [Id(2)]
    public string? RequestId { get; init; }

    [Id(3)]
    public string Reason { get; init; } = string.Empty;

    [Id(4)]
    public string WaivedBy { get; init; } = string.Empty;
}
