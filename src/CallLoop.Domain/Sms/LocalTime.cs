namespace CallLoop.Domain;

/// <summary>IANA time zones by id.</summary>
public static class LocalTime
{
    public static string? OptionalZoneId(string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return TryFind(id.Trim(), out var zone) && id.Trim().Contains('/', StringComparison.Ordinal)
            ? zone.Id
            : throw new InvalidCommandException(field, $"Field '{field}' must be an IANA time zone such as America/Chicago.");
    }

    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    /// <summary>The recipient's zones: their own when known, else every zone of their jurisdiction.</summary>
    public static IReadOnlyList<TimeZoneInfo> ZonesFor(SubjectState state) =>
        (state.TimeZone is { } own ? [own] : TextingLawTable.ZonesOf(state.Jurisdiction))
            .Select(id => TryFind(id, out var zone) ? zone : null)
            .OfType<TimeZoneInfo>()
            .ToArray();
}
