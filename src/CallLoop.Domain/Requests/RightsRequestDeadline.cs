namespace CallLoop.Domain;

/// <summary>
/// Deadline arithmetic for rights requests. Calendar-day periods run from receipt (for CCPA even before
/// identity is verified); business-day periods skip Saturdays and Sundays.
/// </summary>
public static class RightsRequestDeadline
{
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
    public static DateTimeOffset DueAt(JurisdictionRule law, RightsRequestType type, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(law);
        return (IsOptOutOrLimit(type), law) switch
        {
            (true, { OptOutBusinessDays: { } businessDays }) => AddBusinessDays(receivedAt, businessDays),
            (true, { OptOutCalendarDays: { } days }) => receivedAt.AddDays(days),
            (_, { ShineTheLightDays: { } days }) when type == RightsRequestType.ShineTheLight => receivedAt.AddDays(days),
            _ => receivedAt.AddDays(law.RespondDays),
        };
    }

    /// <summary>When receipt must be confirmed, where the law requires a confirmation for this type.</summary>
    public static DateTimeOffset? ConfirmationDueAt(JurisdictionRule law, RightsRequestType type, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(law);
        return NeedsConfirmation.Contains(type) && law.ConfirmationBusinessDays is { } businessDays
            ? AddBusinessDays(receivedAt, businessDays)
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

    public static DateTimeOffset AddBusinessDays(DateTimeOffset start, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        var current = start;
        var remaining = businessDays;
        while (remaining > 0)
        {
            current = current.AddDays(1);
            if (current.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                remaining--;
            }
        }

        return current;
    }
}
