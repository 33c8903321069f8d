namespace CallLoop.Domain;

/// <summary>Light shape check and canonical form for email addresses.</summary>
public static class EmailAddress
{
    private const int MaxLength = 254;

    public static string Normalize(string? raw, string field = "email")
    {
        var text = raw?.Trim() ?? string.Empty;
        var at = text.IndexOf('@');
        var valid = text.Length is > 2 and <= MaxLength
            && at > 0
            && at == text.LastIndexOf('@')
            && at < text.Length - 1
            && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
        return valid
            ? text.ToLowerInvariant()
            : throw new InvalidCommandException(field, $"Field '{field}' must be an email address.");
    }
}
