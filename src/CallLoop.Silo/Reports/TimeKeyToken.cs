using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CallLoop.Silo.Reports;

/// <summary>
/// A page cursor made of a time and a text key, as an opaque URL-safe token: the time in whole microseconds (as
/// PostgreSQL keeps it, so the next page's comparison meets the stored value exactly), a bar, the key.
/// </summary>
public static class TimeKeyToken
{
    public static string Encode(DateTimeOffset at, string key)
    {
        var ticks = at.UtcTicks - (at.UtcTicks % 10);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{ticks.ToString(CultureInfo.InvariantCulture)}|{key}"));
    }

    /// <summary>The time and key of a token, none for an empty one; a token that is not one is refused naming <paramref name="name"/>.</summary>
    public static (DateTimeOffset At, string Key)? Decode(string? token, string name, string expected)
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
                return (new DateTimeOffset(ticks, TimeSpan.Zero), text[(bar + 1)..]);
            }
        }
        catch (FormatException)
        {
        }

        throw QueryParameters.Invalid(name, expected);
    }
}
