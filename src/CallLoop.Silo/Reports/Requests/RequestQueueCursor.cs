using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CallLoop.EventStore.Projections.Requests;

namespace CallLoop.Silo.Reports.Requests;

/// <summary>
/// Where a page of the request queue ended: the last record's current deadline (whole microseconds, as PostgreSQL
/// keeps it; none for a closed request) and its id, as an opaque URL-safe token. Rows inserted behind the cursor do not
/// shift the next page. The token names a subject id, which the queue shows anyway.
/// </summary>
public sealed record RequestQueueCursor(DateTimeOffset? DueAt, string Id)
{
    private const string NoDeadline = "-";

    public static RequestQueueCursor Of(RequestRecord record) =>
        new(record.CurrentDueAt is { } due ? new DateTimeOffset(due.UtcTicks - (due.UtcTicks % 10), TimeSpan.Zero) : null, record.Id);

    public string ToToken() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{(DueAt is { } due ? due.UtcTicks.ToString(CultureInfo.InvariantCulture) : NoDeadline)}|{Id}"));

    public static RequestQueueCursor? Parse(string? token, string name)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Trim()));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && text.Length > bar + 1 && !text.AsSpan(bar + 1).ContainsAnyInRange('\0', '\u001f'))
            {
                var id = text[(bar + 1)..];
                if (text.AsSpan(0, bar).SequenceEqual(NoDeadline))
                {
                    return new RequestQueueCursor(null, id);
                }

                if (long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks)
                {
                    return new RequestQueueCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
                }
            }
        }
        catch (FormatException)
        {
        }

        throw QueryParameters.Invalid(name, "the nextCursor of a previous page");
    }
}
