using CallLoop.Domain;

namespace CallLoop.EventStore.Projections.Deliveries;

/// <summary>
/// One webhook delivery owed to a processor, across all subjects: what the admins' queue and the analysts'
/// <c>analytics.processor_deliveries</c> view read. Codes, counts and times only: no personal value, and neither the
/// waiver's free-text reason nor who waived it (both stay on the subject's own delivery list).
/// </summary>
public sealed class DeliveryQueueEntry
{
    /// <summary>"{subjectId}/{deliveryId}".</summary>
    public string Id { get; set; } = string.Empty;

    public string SubjectId { get; set; } = string.Empty;

    public string DeliveryId { get; set; } = string.Empty;

    /// <summary>The processor's registry name (a business, not a person).</summary>
    public string Processor { get; set; } = string.Empty;

    public PropagationAction Action { get; set; }

    public string? RequestId { get; set; }

    /// <summary>One of <see cref="DeliveryQueueStatus"/>: the webhook's state, or acknowledged/waived once settled.</summary>
    public string Status { get; set; } = DeliveryQueueStatus.Pending;

    /// <summary>The webhook's own state as the subject's grain folds it (acknowledgement is kept apart).</summary>
    public DeliveryStatus WebhookStatus { get; set; }

    /// <summary>Attempts so far, across re-sends.</summary>
    public int Attempts { get; set; }

    public int AttemptsBeforeRedelivery { get; set; }

    public int Redeliveries { get; set; }

    public DateTimeOffset PlannedAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? DeadLetteredAt { get; set; }

    public DateTimeOffset? RedeliveryRequestedAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public DateTimeOffset? WaivedAt { get; set; }

    public static string KeyOf(string subjectId, string deliveryId) => $"{subjectId}/{deliveryId}";

    public static DeliveryQueueEntry Planned(PropagationPlanned planned, PlannedDelivery delivery)
    {
        var entry = new DeliveryQueueEntry
        {
            Id = KeyOf(planned.SubjectId, delivery.DeliveryId),
            SubjectId = planned.SubjectId,
            PlannedAt = planned.OccurredAt,
        };
        entry.Take(DeliveryEvolver.Planned(planned, delivery));
        return entry;
    }

    /// <summary>Folds one event about this delivery (named apart from Marten's Apply convention) through the domain's own <see cref="DeliveryEvolver"/>, then stamps its time.</summary>
    public void Fold(SubjectEvent e)
    {
        Take(DeliveryEvolver.Evolve(ToRecord(), e));
        switch (e)
        {
            case WebhookDelivered:
                LastAttemptAt = e.OccurredAt;
                DeliveredAt = e.OccurredAt;
                break;
            case WebhookAttemptFailed:
                LastAttemptAt = e.OccurredAt;
                break;
            case WebhookDeadLettered:
                DeadLetteredAt = e.OccurredAt;
                break;
            case WebhookRedeliveryRequested:
                RedeliveryRequestedAt = e.OccurredAt;
                break;
        }
    }

    private DeliveryRecord ToRecord() => new()
    {
        DeliveryId = DeliveryId,
        Processor = Processor,
        Action = Action,
        RequestId = RequestId,
        Status = WebhookStatus,
        Attempts = Attempts,
        AttemptsBeforeRedelivery = AttemptsBeforeRedelivery,
        Redeliveries = Redeliveries,
        AcknowledgedAt = AcknowledgedAt,
        WaivedAt = WaivedAt,
    };

    /// <summary>Copies what the queue keeps; the waiver's reason and author are dropped here.</summary>
    private void Take(DeliveryRecord record)
    {
        DeliveryId = record.DeliveryId;
        Processor = record.Processor;
        Action = record.Action;
        RequestId = record.RequestId;
        WebhookStatus = record.Status;
        Attempts = record.Attempts;
        AttemptsBeforeRedelivery = record.AttemptsBeforeRedelivery;
        Redeliveries = record.Redeliveries;
        AcknowledgedAt = record.AcknowledgedAt;
        WaivedAt = record.WaivedAt;
        Status = record.AcknowledgedAt is not null ? DeliveryQueueStatus.Acknowledged
            : record.WaivedAt is not null ? DeliveryQueueStatus.Waived
            : EnumText.ToText(record.Status);
    }
}
