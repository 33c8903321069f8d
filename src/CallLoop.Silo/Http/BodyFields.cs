using System.Globalization;
using CallLoop.Domain;

namespace CallLoop.Silo.Http;

/// <summary>
/// Reads the text fields of request bodies into domain values. Enum and date fields arrive as strings so that
/// a bad value is a 400 naming that field (e.g. <c>purposes[1]</c>), not an anonymous JSON error. Messages
/// never repeat the value, which may be personal data.
/// </summary>
internal static class BodyFields
{
    public static T Enum<T>(string? text, string field)
        where T : struct, Enum =>
        OptionalEnum<T>(text, field) ?? throw Required(field);

    public static T? OptionalEnum<T>(string? text, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return EnumText.TryParse<T>(text, out var value)
            ? value
            : throw new InvalidCommandException(field, $"Field '{field}' must be one of: {string.Join(", ", EnumText.AllTexts<T>())}.");
    }

    /// <summary>A list of enum values; an empty or missing list is left to the domain, which knows whether one is needed.</summary>
    public static IReadOnlyList<T> Enums<T>(IReadOnlyList<string?>? texts, string field)
        where T : struct, Enum =>
        texts is null ? [] : texts.Select((text, i) => Enum<T>(text, $"{field}[{i}]")).ToArray();

    /// <summary>An ISO-8601 date and time; without an offset it is taken as UTC.</summary>
    public static DateTimeOffset? OptionalTime(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var looksIso = text.Length >= 16 && text[4] == '-' && text[7] == '-' && text[10] is 'T' or 't';
        return looksIso && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new InvalidCommandException(field, $"Field '{field}' must be an ISO-8601 date and time, e.g. 2025-03-03T12:00:00Z.");
    }

    /// <summary>An ISO-8601 calendar date (yyyy-MM-dd).</summary>
    public static DateOnly? OptionalDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidCommandException(field, $"Field '{field}' must be an ISO-8601 date, e.g. 1990-05-17.");
    }

    /// <summary>An id the route or body must carry before a grain can even be addressed.</summary>
    public static string Id(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? throw Required(field) : text;

    private static InvalidCommandException Required(string field) => new(field, $"Field '{field}' is required.");
}
