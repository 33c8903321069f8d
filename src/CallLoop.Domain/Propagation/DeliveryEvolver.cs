namespace CallLoop.Domain;

/// <summary>
/// How one delivery changes with each propagation event. The subject's state (<see cref="PropagationEvolver"/>) and
/// the admins' cross-subject delivery queue both fold through here, so the two never disagree.
/// </summary>
public static class DeliveryEvolver
{
    public static DeliveryRecord Planned(PropagationPlanned planned, PlannedDelivery delivery) => new()
    {
        DeliveryId = delivery.DeliveryId,
        Processor = delivery.Processor,
        SourceSequence = planned.SourceSequence,
        Action = planned.Action,
        Category = planned.Category,
        Scope = planned.Scope,
        Purpose = planned.Purpose,
        RequestId = planned.RequestId,
    };

    /// <summary>Every event type <see cref="DeliveryIdOf"/> names a delivery for (the delivery queue's projection reads these and the plans).</summary>
    public static IReadOnlyList<Type> EventTypes { get; } =
    [
        typeof(WebhookDelivered), typeof(WebhookAttemptFailed), typeof(WebhookDeadLettered), typeof(WebhookRedeliveryRequested),
        typeof(ProcessorAcknowledged), typeof(ProcessorDeliveryWaived),
    ];

    /// <summary>The delivery an event is about, or null for events that are not about one delivery.</summary>
    public static string? DeliveryIdOf(SubjectEvent e) => e switch
    {
        WebhookDelivered delivered => delivered.DeliveryId,
        WebhookAttemptFailed failed => failed.DeliveryId,
        WebhookDeadLettered dead => dead.DeliveryId,
        WebhookRedeliveryRequested redelivery => redelivery.DeliveryId,
        ProcessorAcknowledged acknowledged => acknowledged.DeliveryId,
        ProcessorDeliveryWaived waived => waived.DeliveryId,
        _ => null,
    };

    public static DeliveryRecord Evolve(DeliveryRecord delivery, SubjectEvent e) => e switch
    {
        WebhookDelivered delivered => delivery with { Status = DeliveryStatus.Delivered, Attempts = delivered.Attempt },
        WebhookAttemptFailed failed => delivery with { Attempts = Math.Max(delivery.Attempts, failed.Attempt) },
        WebhookDeadLettered dead => delivery with { Status = DeliveryStatus.DeadLettered, Attempts = dead.Attempts },
        ProcessorAcknowledged acknowledged => delivery with { AcknowledgedAt = acknowledged.OccurredAt },
        WebhookRedeliveryRequested => delivery with
        {
            Status = DeliveryStatus.Pending,
            AttemptsBeforeRedelivery = delivery.Attempts,
            Redeliveries = delivery.Redeliveries + 1,
        },
        ProcessorDeliveryWaived waived => delivery with
        {
            Status = DeliveryStatus.Waived,
            WaivedAt = waived.OccurredAt,
            WaivedBy = waived.WaivedBy,
            WaiverReason = waived.Reason,
        },
        _ => delivery,
    };
}
