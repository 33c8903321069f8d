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
/// <summary>GET /api/deliveries/counts: the queue's deliveries per status, counted by the database.</summary>
public sealed record DeliveryQueueCounts(string? Processor, long Total, IReadOnlyDictionary<string, long> ByStatus);

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
