namespace CallLoop.Domain;

/// <summary>The marketing-text frequency limit (FL, OK, MD: at most 3 per 24 hours on the same topic).</summary>
public static class TextFrequency
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>
    /// Whether a text sent at <paramref name="sentAt"/> still counts at <paramref name="at"/> (less than <see cref="Window"/>
    /// before it). Written as a difference of two times, which cannot leave the calendar; <c>at - Window</c> threw for a
    /// time recorded within a day of <see cref="DateTimeOffset.MinValue"/>.
    /// </summary>
    public static bool WithinWindow(DateTimeOffset sentAt, DateTimeOffset at) => at - sentAt < Window;

    /// <summary>Null when another text on <paramref name="topic"/> (any topic when null) may go at <paramref name="at"/>; else when one may.</summary>
    public static DateTimeOffset? NextAllowedAt(IEnumerable<SentText> sent, int limit, string? topic, DateTimeOffset at)
    {
        var recent = sent
            .Where(t => WithinWindow(t.SentAt, at) && t.SentAt <= at)
            .Where(t => topic is null || string.Equals(t.Topic, topic, StringComparison.OrdinalIgnoreCase))
            .GroupBy(t => t.Topic, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() >= limit)
            .Select(g => g.OrderByDescending(t => t.SentAt).ElementAt(limit - 1).SentAt + Window)
            .ToArray();
        return recent.Length == 0 ? null : recent.Max();
    }
}
