namespace CallLoop.Domain;

/// <summary>The marketing-text frequency limit (FL, OK, MD: at most 3 per 24 hours on the same topic).</summary>
public static class TextFrequency
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>Null when another text on <paramref name="topic"/> (any topic when null) may go at <paramref name="at"/>; else when one may.</summary>
    public static DateTimeOffset? NextAllowedAt(IEnumerable<SentText> sent, int limit, string? topic, DateTimeOffset at)
    {
        var recent = sent
            .Where(t => t.SentAt > at - Window && t.SentAt <= at)
            .Where(t => topic is null || string.Equals(t.Topic, topic, StringComparison.OrdinalIgnoreCase))
            .GroupBy(t => t.Topic, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() >= limit)
            .Select(g => g.OrderByDescending(t => t.SentAt).ElementAt(limit - 1).SentAt + Window)
            .ToArray();
        return recent.Length == 0 ? null : recent.Max();
    }
}
