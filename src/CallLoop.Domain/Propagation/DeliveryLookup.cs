namespace CallLoop.Domain;

/// <summary>Finding a delivery for an admin's command, and the states an admin may act on.</summary>
internal static class DeliveryLookup
{
    public static DeliveryRecord Find(SubjectState state, string subjectId, string deliveryId) =>
        state.Propagation.Deliveries.TryGetValue(deliveryId, out var delivery)
            ? delivery
            : throw new DeliveryNotFoundException(subjectId, deliveryId);

    /// <summary>Acknowledged or waived: nothing more is owed.</summary>
    public static bool IsSettled(DeliveryRecord delivery) => delivery.AcknowledgedAt is not null || delivery.WaivedAt is not null;

    /// <summary>Dead-lettered, or still pending after a failed attempt in the current round.</summary>
    public static bool CanRedeliver(DeliveryRecord delivery) => !IsSettled(delivery) && delivery.Status switch
    {
        DeliveryStatus.DeadLettered => true,
        DeliveryStatus.Pending => delivery.AttemptsThisRound > 0,
        _ => false,
    };

    public static string Describe(DeliveryRecord delivery) =>
        delivery.AcknowledgedAt is not null ? "acknowledged"
        : delivery.WaivedAt is not null ? "waived"
        : delivery.Status == DeliveryStatus.Pending && delivery.AttemptsThisRound == 0 ? "pending without a failed attempt"
        : EnumText.ToText(delivery.Status);
}
