namespace CallLoop.Silo.Deliveries;

/// <summary>Why the delivery is sent again (optional free text).</summary>
public sealed record RedeliverBody(string? Reason);

/// <summary>Why the delivery is settled without the processor's acknowledgement (required free text, at most 1024 characters).</summary>
public sealed record WaiveBody(string? Reason);

/// <summary>What an admin's command on a delivery did, once committed.</summary>
public sealed record DeliveryActionResponse(string SubjectId, string DeliveryId, string Action);
