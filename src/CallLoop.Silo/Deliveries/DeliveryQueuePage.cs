using CallLoop.Domain;

namespace CallLoop.Silo.Deliveries;

/// <summary>A page of the delivery queue; <see cref="Next"/> is the <c>after</c> token of the next page, null on the last.</summary>
public sealed record DeliveryQueuePage(string Status, string? Processor, int Count, string? Next, IReadOnlyList<DeliveryQueueItem> Deliveries);

/// <summary>One delivery in the queue, with the admin routes that act on it.</summary>
public sealed record DeliveryQueueItem(
    string SubjectId,
    string DeliveryId,
    string Processor,
    PropagationAction Action,
    string? RequestId,
    string Status,
    int Attempts,
    int Redeliveries,
    DateTimeOffset PlannedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? DeadLetteredAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? WaivedAt,
    DeliveryLinks Links);

/// <summary>The subject's delivery list, and the POST routes to send a delivery again or waive it.</summary>
public sealed record DeliveryLinks(string Deliveries, string Redeliver, string Waive);
