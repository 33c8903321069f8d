using CallLoop.EventStore.Projections.Deliveries;
using CallLoop.Silo.Reports;

namespace CallLoop.Silo.Deliveries;

/// <summary>
/// Where a page of the delivery queue ended: the last entry's planned time (whole microseconds, as PostgreSQL keeps
/// it) and key, as an opaque URL-safe token. The token names a subject id, which an admin may see anyway.
/// </summary>
public sealed record DeliveryQueueCursor(DateTimeOffset PlannedAt, string Id)
{
    public static DeliveryQueueCursor Of(DeliveryQueueEntry entry) =>
        new(new DateTimeOffset(entry.PlannedAt.UtcTicks - (entry.PlannedAt.UtcTicks % 10), TimeSpan.Zero), entry.Id);

    public string ToToken() => TimeKeyToken.Encode(PlannedAt, Id);

    public static DeliveryQueueCursor? Parse(string? token, string name) =>
        TimeKeyToken.Decode(token, name, "the 'next' token of a previous page") is { } cursor ? new DeliveryQueueCursor(cursor.At, cursor.Key) : null;
}
