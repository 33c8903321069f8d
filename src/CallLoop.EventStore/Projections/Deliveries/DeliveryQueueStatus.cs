namespace CallLoop.EventStore.Projections.Deliveries;

/// <summary>Where a delivery stands in the admins' queue (wire texts, stored in the <c>status</c> column).</summary>
public static class DeliveryQueueStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Acknowledged = "acknowledged";
    public const string DeadLettered = "dead-lettered";
    public const string Waived = "waived";

    public static IReadOnlyList<string> All { get; } = [Pending, Delivered, Acknowledged, DeadLettered, Waived];
}
