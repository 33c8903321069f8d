namespace CallLoop.Domain;

/// <summary>Where one webhook delivery stands.</summary>
[GenerateSerializer, Alias("callloop.delivery-status")]
public enum DeliveryStatus
{
    [JsonStringEnumMemberName("pending")]
    Pending = 0,

    [JsonStringEnumMemberName("delivered")]
    Delivered = 1,

    [JsonStringEnumMemberName("dead-lettered")]
    DeadLettered = 2,

    /// <summary>An admin settled it without the processor's acknowledgement; no longer retried.</summary>
    [JsonStringEnumMemberName("waived")]
    Waived = 3,
}
