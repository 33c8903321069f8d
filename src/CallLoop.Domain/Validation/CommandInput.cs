using System.Text.RegularExpressions;

namespace CallLoop.Domain;

/// <summary>
/// The checks of command input shared by every command. Failures name the field and never echo the value,
/// which may be personal data.
/// </summary>
internal static partial class CommandInput
{
    public const int MaxTextLength = 128;
    public const int MaxValueLength = 4096;

    /// <summary>Caller clocks may run a little ahead of ours; beyond this a timestamp is rejected.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    [GeneratedRegex(@"\A[A-Za-z0-9._:-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9._-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex FieldNamePattern();

    /// <summary>A subject, request, hold or disclosure id.</summary>
    public static string Id(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidCommandException(field, $"Field '{field}' is required.");
        }

        return IdPattern().IsMatch(value)
            ? value
            : throw new InvalidCommandException(field, $"Field '{field}' must be 1-128 characters of letters, digits, '.', '_', ':' or '-'.");
    }

    public static string? OptionalId(string? value, string field) => value is null ? null : Id(value, field);

    /// <summary>A required short text: non-blank, at most <paramref name="max"/> characters, no control characters.</summary>
    public static string Text(string? value, string field, int max = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidCommandException(field, $"Field '{field}' is required.");
        }

        return OptionalText(value, field, max)!;
    }

    public static string? OptionalText(string? value, string field, int max = MaxTextLength)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > max)
        {
            throw new InvalidCommandException(field, $"Field '{field}' must be at most {max} characters.");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw new InvalidCommandException(field, $"Field '{field}' must not contain control characters.");
        }

        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>Free text such as an explanation or a data value: line breaks and tabs allowed.</summary>
    public static string LongText(string? value, string field, int max = MaxValueLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidCommandException(field, $"Field '{field}' is required.");
        }

        return OptionalLongText(value, field, max)!;
    }

    public static string? OptionalLongText(string? value, string field, int max = MaxValueLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > max)
        {
            throw new InvalidCommandException(field, $"Field '{field}' must be at most {max} characters.");
        }

        if (value.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            throw new InvalidCommandException(field, $"Field '{field}' must not contain control characters.");
        }

        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public static string FieldName(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidCommandException(field, $"Field '{field}' is required.");
        }

        return FieldNamePattern().IsMatch(value)
            ? value
            : throw new InvalidCommandException(field, $"Field '{field}' must be 1-128 characters of letters, digits, '.', '_' or '-'.");
    }

    public static T Defined<T>(T value, string field)
        where T : struct, Enum =>
        Enum.IsDefined(value)
            ? value
            : throw new InvalidCommandException(field, $"Field '{field}' must be one of: {string.Join(", ", EnumText.AllTexts<T>())}.");

    public static T? OptionalDefined<T>(T? value, string field)
        where T : struct, Enum => value is { } v ? Defined(v, field) : null;

    public static IReadOnlyList<T> NonEmpty<T>(IReadOnlyList<T>? values, string field)
        where T : struct, Enum
    {
        if (values is null || values.Count == 0)
        {
            throw new InvalidCommandException(field, $"Field '{field}' must list at least one value.");
        }

        foreach (var value in values)
        {
            Defined(value, field);
        }

        return values.Distinct().ToArray();
    }

    /// <summary>A caller-supplied time: UTC, and not more than <see cref="ClockSkew"/> ahead of now.</summary>
    public static DateTimeOffset Timestamp(DateTimeOffset? value, string field, DateTimeOffset now)
    {
        if (value is not { } time)
        {
            return now;
        }

        return time > now + ClockSkew
            ? throw new InvalidCommandException(field, $"Field '{field}' must not be in the future.")
            : time.ToUniversalTime();
    }

    public static void NotNegative(int value, string field)
    {
        if (value < 0)
        {
            throw new InvalidCommandException(field, $"Field '{field}' must not be negative.");
        }
    }
}
