namespace CallLoop.Console.Api;

/// <summary>One webhook delivery of a subject's change to a processor.</summary>
public sealed record Delivery(
    string DeliveryId,
    string Processor,
    string Action,
    string? RequestId,
    string Status,
    int Attempts,
    int Redeliveries,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? WaivedAt,
    string? WaivedBy);

/// <summary>A page of the delivery queue across subjects (admins).</summary>
public sealed record DeliveryQueuePage(string Status, string? Processor, int Count, string? Next, IReadOnlyList<QueuedDelivery> Deliveries);

public sealed record QueuedDelivery(
    string SubjectId,
    string DeliveryId,
    string Processor,
    string Action,
    string? RequestId,
    string Status,
    int Attempts,
    int Redeliveries,
    DateTimeOffset PlannedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeadLetteredAt);
