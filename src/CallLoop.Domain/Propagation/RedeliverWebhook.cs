namespace CallLoop.Domain;

/// <summary>
/// An admin has a dead-lettered (or failing) delivery sent again: the delivery is pending once more and gets a fresh
/// retry budget. An unknown delivery is <see cref="DeliveryNotFoundException"/>; a delivery that was delivered,
/// acknowledged or waived, or that is pending without a failed attempt, is the rule violation "delivery-not-failed".
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.redeliver-webhook")]
public sealed record RedeliverWebhook : SubjectCommand
{
    [Id(0)]
    public string DeliveryId { get; init; } = string.Empty;

    /// <summary>Optional free text; stored on the event, never logged.</summary>
    [Id(1)]
    public string? Reason { get; init; }
}

internal static class RedeliverWebhookDecision
{
    public const int MaxReasonLength = 1024;

    public static RedeliverWebhook Validate(RedeliverWebhook command, DateTimeOffset now) => command with
    {
        DeliveryId = CommandInput.Id(command.DeliveryId, "deliveryId"),
        Reason = CommandInput.OptionalLongText(command.Reason, "reason", MaxReasonLength),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, RedeliverWebhook command, DateTimeOffset now)
    {
        var delivery = DeliveryLookup.Find(state, command.SubjectId, command.DeliveryId);
        if (!DeliveryLookup.CanRedeliver(delivery))
        {
            throw Preconditions.Violation(
                "delivery-not-failed",
                $"Delivery '{delivery.DeliveryId}' is {DeliveryLookup.Describe(delivery)}; only a dead-lettered or failing delivery can be sent again.");
        }

        return [new WebhookRedeliveryRequested { DeliveryId = delivery.DeliveryId, Processor = delivery.Processor, PreviousAttempts = delivery.Attempts, Reason = command.Reason }];
    }
}
