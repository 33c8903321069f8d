namespace CallLoop.Domain;

/// <summary>Whether a moment falls inside a texting rule's hours in every given zone, and when it next does.</summary>
public static class QuietHours
{
    /// <summary>Null when a text may be sent at <paramref name="at"/>; otherwise the first moment it may.</summary>
    public static DateTimeOffset? NextAllowedAt(TextingRule rule, IReadOnlyList<TimeZoneInfo> zones, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(zones);
        if (rule.Hours is null || AllowedEverywhere(rule, zones, at))
        {
            return null;
        }

        // Windows open at a zone's local start; the first such opening inside every zone's hours is the answer.
        return zones
            .SelectMany(zone => Openings(rule, zone, at))
            .Order()
            .First(candidate => AllowedEverywhere(rule, zones, candidate));
    }

    public static bool AllowedEverywhere(TextingRule rule, IReadOnlyList<TimeZoneInfo> zones, DateTimeOffset at) =>
        zones.All(zone =>
        {
            var local = TimeZoneInfo.ConvertTime(at, zone);
            return rule.HoursOn(local.DayOfWeek) is not { } hours || hours.Contains(TimeOnly.FromDateTime(local.DateTime));
        });

    private static IEnumerable<DateTimeOffset> Openings(TextingRule rule, TimeZoneInfo zone, DateTimeOffset at)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        for (var day = 0; day <= 8; day++)
        {
            var date = today.AddDays(day);
            if (rule.HoursOn(date.DayOfWeek) is not { } hours)
            {
                continue;
            }

            var local = date.ToDateTime(hours.Start);
            var opening = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (opening > at)
            {
                yield return opening;
            }
        }
    }
}
