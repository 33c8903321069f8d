namespace CallLoop.Domain;

/// <summary>
/// An admin settles a delivery without the processor's acknowledgement (it went out of business, or confirmed by
/// other means). A waived delivery is no longer retried and counts as settled for a waiting delete request, which
/// completes with the waiver if it was the last one. An unknown delivery is <see cref="DeliveryNotFoundException"/>;
/// one already acknowledged or waived is the rule violation "delivery-settled".
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.waive-delivery")]
public sealed record WaiveDelivery : SubjectCommand
{
    [Id(0)]
    public string DeliveryId { get; init; } = string.Empty;

    /// <summary>Required free text (may name people): stored on the event and shown on the request, never logged.</summary>
    [Id(1)]
    public string Reason { get; init; } = string.Empty;

    [Id(2)]
    public string WaivedBy { get; init; } = string.Empty;
}

internal static class WaiveDeliveryDecision
{
    public const int MaxReasonLength = 1024;

    public static WaiveDelivery Validate(WaiveDelivery command, DateTimeOffset now) => command with
    {
        DeliveryId = CommandInput.Id(command.DeliveryId, "deliveryId"),
        Reason = CommandInput.LongText(command.Reason, "reason", MaxReasonLength),
        WaivedBy = CommandInput.Text(command.WaivedBy, "waivedBy", 256),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, WaiveDelivery command, DateTimeOffset now)
    {
        var delivery = DeliveryLookup.Find(state, command.SubjectId, command.DeliveryId);
        if (DeliveryLookup.IsSettled(delivery))
        {
            throw Preconditions.Violation("delivery-settled", $"Delivery '{delivery.DeliveryId}' is {DeliveryLookup.Describe(delivery)}; there is nothing to waive.");
        }

        var waived = new ProcessorDeliveryWaived
        {
            DeliveryId = delivery.DeliveryId,
            Processor = delivery.Processor,
            RequestId = delivery.RequestId,
            Reason = command.Reason,
            WaivedBy = command.WaivedBy,
        };
        return [waived, .. AwaitingProcessors.CompletionIfAllSettled(state, waived, now)];
    }
}
