using System.Globalization;
using CallLoop.Domain;

namespace CallLoop.Silo.Reports;

/// <summary>Parses query and route parameters; a bad value is a 400 problem naming the parameter.</summary>
internal static class QueryParameters
{
    public static DateTimeOffset Instant(string? text, string name, DateTimeOffset fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw Invalid(name, "an ISO-8601 date or date-time");
    }

    public static DateTimeOffset? OptionalInstant(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null : Instant(text, name, default);

    public static int Year(string? text, string name, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            ? year
            : throw Invalid(name, "a year between 2000 and 2100");
    }

    public static int Limit(string? text, string name, int fallback, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= max
            ? limit
            : throw Invalid(name, $"a whole number from 1 to {max}");
    }

    public static bool Flag(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return bool.TryParse(text, out var flag) ? flag : throw Invalid(name, "true or false");
    }

    public static T? OptionalEnum<T>(string? text, string name)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return EnumText.TryParse<T>(text, out var value)
            ? value
            : throw Invalid(name, "one of " + string.Join(", ", EnumText.AllTexts<T>()));
    }

    public static T Enum<T>(string? text, string name, T fallback)
        where T : struct, Enum => OptionalEnum<T>(text, name) ?? fallback;

    public static string? OptionalJurisdiction(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return JurisdictionTable.TryCode(text, out var code) ? code : throw Invalid(name, "a USPS state or territory code, or CAN");
    }

    public static string OneOf(string? text, string name, string fallback, params string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return match ?? throw Invalid(name, "one of " + string.Join(", ", allowed));
    }

    public static InvalidCommandException Invalid(string name, string expected) =>
        new(name, $"Parameter '{name}' must be {expected}.");
}
