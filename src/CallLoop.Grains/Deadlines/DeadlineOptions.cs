using CallLoop.Domain;

namespace CallLoop.Grains.Deadlines;

/// <summary>Configuration section "CallLoop:Deadlines".</summary>
public sealed class DeadlineOptions
{
    public const string Section = "CallLoop:Deadlines";

    /// <summary>How long before the due date the "due soon" fact is recorded.</summary>
    public TimeSpan DueSoonLead { get; set; } = TimeSpan.FromDays(5);

    /// <summary>
    /// The reminders' period: a reminder is removed once its fact is recorded, so the period only matters when
    /// recording fails (the reminder fires again). Must not be below Orleans' minimum reminder period (1 minute by default).
    /// </summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Days to answer a request that a reversed appeal reopened (company policy; no statute sets it).</summary>
    public int ReopenedDueDays { get; set; } = SubjectPolicy.DefaultReopenedDueDays;

    /// <summary>IANA id of the time zone business days are counted in (Call Loop is in Delray Beach, Florida).</summary>
    public string BusinessTimeZone { get; set; } = RightsRequestDeadline.DefaultBusinessTimeZone;

    /// <summary>Whether the settings the subject's decider takes (<see cref="SubjectPolicy"/>) are in range.</summary>
    public bool IsValid() =>
        ReopenedDueDays is >= SubjectPolicy.MinReopenedDueDays and <= SubjectPolicy.MaxReopenedDueDays
        && SubjectPolicy.IsKnownTimeZone(BusinessTimeZone);
}
