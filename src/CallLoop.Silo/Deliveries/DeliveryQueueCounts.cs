namespace CallLoop.Silo.Deliveries;

/// <summary>GET /api/deliveries/counts: deliveries per status (every status listed, 0 included) and in all, for the processor filter.</summary>
public sealed record DeliveryQueueCounts(string? Processor, long Total, IReadOnlyDictionary<string, long> ByStatus);
