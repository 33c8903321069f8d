using CallLoop.Domain;

namespace CallLoop.Grains.Incidents;

/// <summary>Configuration section "CallLoop:Incidents": the company's own numbers where breach laws give none.</summary>
public sealed class IncidentOptions
{
    public const string Section = "CallLoop:Incidents";

    /// <summary>Days allowed for a notice the law wants "without delay" (or "most expedient time").</summary>
    public int CeilingDays { get; set; } = BreachNotificationTable.DefaultCeilingDays;

    /// <summary>How long before a due date an obligation is due soon.</summary>
    public TimeSpan DueSoonLead { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Reminder period when recording a deadline fact fails (at least Orleans' minimum, 1 minute).</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How soon the incident's follow-up reminder fires: armed before each commit and while an assessment runs, it
    /// re-derives the deadline reminders from what was committed and resumes an interrupted assessment.
    /// </summary>
    public TimeSpan FollowUpAfter { get; set; } = TimeSpan.FromMinutes(1);

    public BreachPolicy Policy => new(CeilingDays, DueSoonLead);
}
