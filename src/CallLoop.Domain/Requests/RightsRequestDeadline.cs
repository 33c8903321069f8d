namespace CallLoop.Domain;

/// <summary>
/// Deadline arithmetic for rights requests. Calendar-day periods run from receipt (for CCPA even before
/// identity is verified); business-day periods skip Saturdays and Sundays of the business's own calendar
/// (<see cref="DefaultBusinessTimeZone"/>: Call Loop is in Delray Beach, Florida), not of UTC.
/// </summary>
public static class RightsRequestDeadline
{
    /// <summary>The business's time zone by default (setting CallLoop:Deadlines:BusinessTimeZone, <see cref="SubjectPolicy.BusinessTimeZone"/>).</summary>
    public const string DefaultBusinessTimeZone = "America/New_York";

    private static readonly IReadOnlySet<RightsRequestType> NeedsConfirmation = new HashSet<RightsRequestType>
    {
        RightsRequestType.KnowCategories,
        RightsRequestType.KnowSpecific,
        RightsRequestType.Delete,
        RightsRequestType.Correct,
    };

    public static bool IsOptOutOrLimit(RightsRequestType type) =>
        type is RightsRequestType.OptOutSaleSharing or RightsRequestType.LimitSensitive;

    /// <summary>When the response is due: the law's shorter period for opt-out/limit and Shine the Light where it sets one, else its calendar days.</summary>
    public static DateTimeOffset DueAt(JurisdictionRule law, RightsRequestType type, DateTimeOffset receivedAt, TimeZoneInfo? businessZone = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        return (IsOptOutOrLimit(type), law) switch
        {
            (true, { OptOutBusinessDays: { } businessDays }) => AddBusinessDays(receivedAt, businessDays, businessZone),
            (true, { OptOutCalendarDays: { } days }) => receivedAt.AddDays(days),
            (_, { ShineTheLightDays: { } days }) when type == RightsRequestType.ShineTheLight => receivedAt.AddDays(days),
            _ => receivedAt.AddDays(law.RespondDays),
        };
    }

    /// <summary>When receipt must be confirmed, where the law requires a confirmation for this type.</summary>
    public static DateTimeOffset? ConfirmationDueAt(JurisdictionRule law, RightsRequestType type, DateTimeOffset receivedAt, TimeZoneInfo? businessZone = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        return NeedsConfirmation.Contains(type) && law.ConfirmationBusinessDays is { } businessDays
            ? AddBusinessDays(receivedAt, businessDays, businessZone)
            : null;
    }

    /// <summary>The due date after the one allowed extension.</summary>
    public static DateTimeOffset ExtendedDueAt(JurisdictionRule law, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(law);
        return dueAt.AddDays(law.ExtensionDays);
    }

    /// <summary>When an appeal must be answered; null where the law gives no appeal.</summary>
    public static DateTimeOffset? AppealDueAt(JurisdictionRule law, DateTimeOffset filedAt)
    {
        ArgumentNullException.ThrowIfNull(law);
        return law.AppealAnswerDays is { } days ? filedAt.AddDays(days) : null;
    }

    /// <summary>
    /// Adds business days as counted in <paramref name="zone"/> (UTC when null): the weekday is the local one, and the
    /// result keeps the local time of day (so a daylight-saving change moves it by an hour in UTC).
    /// </summary>
    public static DateTimeOffset AddBusinessDays(DateTimeOffset start, int businessDays, TimeZoneInfo? zone = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        zone ??= TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var remaining = businessDays;
        while (remaining > 0)
        {
            local = local.AddDays(1);
            if (local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                remaining--;
            }
        }

        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
