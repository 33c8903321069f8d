namespace CallLoop.Domain;

/// <summary>The carrier-standard SMS keywords that stop or restart marketing texts.</summary>
public static class SmsKeywords
{
    public static IReadOnlySet<string> OptOutWords { get; } =
        new HashSet<string>(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"], StringComparer.OrdinalIgnoreCase);

    public static IReadOnlySet<string> OptInWords { get; } =
        new HashSet<string>(["START", "UNSTOP", "YES"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The whole body, trimmed and in any case, must be a keyword; "stop by later" is not.</summary>
    public static SmsKeywordKind Classify(string? body)
    {
        var word = body?.Trim() ?? string.Empty;
        if (OptOutWords.Contains(word))
        {
            return SmsKeywordKind.OptOut;
        }

        return OptInWords.Contains(word) ? SmsKeywordKind.OptIn : SmsKeywordKind.None;
    }
}
