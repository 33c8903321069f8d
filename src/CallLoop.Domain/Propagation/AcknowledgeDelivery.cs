namespace CallLoop.Domain;

/// <summary>
/// A processor confirms a delivery. Only the processor the delivery was addressed to may; an unknown delivery (or
/// another processor's) is the rule violation "unknown-delivery". Acknowledging twice appends nothing. The last
/// acknowledgement a waiting delete request needs also completes it.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.acknowledge-delivery")]
public sealed record AcknowledgeDelivery : SubjectCommand
{
    [Id(0)]
    public string DeliveryId { get; init; } = string.Empty;

    [Id(1)]
    public string Processor { get; init; } = string.Empty;
}

internal static class AcknowledgeDeliveryDecision
{
    public static AcknowledgeDelivery Validate(AcknowledgeDelivery command, DateTimeOffset now) => command with
    {
        DeliveryId = CommandInput.Id(command.DeliveryId, "deliveryId"),
        Processor = CommandInput.Text(command.Processor, "processor", 256),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, AcknowledgeDelivery command, DateTimeOffset now)
    {
        var delivery = Find(state, command.DeliveryId);
        if (!string.Equals(delivery.Processor, command.Processor, StringComparison.Ordinal))
        {
            throw UnknownDelivery(command.DeliveryId);
        }

        if (delivery.AcknowledgedAt is not null)
        {
            return [];
        }

        var acknowledged = new ProcessorAcknowledged { DeliveryId = delivery.DeliveryId, Processor = delivery.Processor, RequestId = delivery.RequestId };
        return [acknowledged, .. AwaitingProcessors.CompletionIfAllSettled(state, acknowledged, now)];
    }

    public static DeliveryRecord Find(SubjectState state, string deliveryId) =>
        state.Propagation.Deliveries.TryGetValue(deliveryId, out var delivery) ? delivery : throw UnknownDelivery(deliveryId);

    private static RuleViolationException UnknownDelivery(string deliveryId) =>
        Preconditions.Violation("unknown-delivery", $"No delivery '{deliveryId}' is owed to this processor for this subject.");
}
