using System.Buffers.Text;
using System.Globalization;
using System.Text;
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

    public string ToToken() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{PlannedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{Id}"));

    public static DeliveryQueueCursor? Parse(string? token, string name)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Trim()));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0
                && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && text.Length > bar + 1
                && !text.AsSpan(bar + 1).ContainsAnyInRange('\0', '\u001f'))
            {
                return new DeliveryQueueCursor(new DateTimeOffset(ticks, TimeSpan.Zero), text[(bar + 1)..]);
            }
        }
        catch (FormatException)
        {
        }

        throw QueryParameters.Invalid(name, "the 'next' token of a previous page");
    }
}
