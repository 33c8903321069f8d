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

    /// <summary>
    /// How many times the assessment job runs before it gives up and records <see cref="IncidentAssessmentFailed"/>;
    /// counted in the stream (<see cref="IncidentAssessmentAttemptFailed"/>), so across restarts and deactivations.
    /// </summary>
    public int AssessmentAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; each later wait doubles, up to <see cref="AssessmentRetryMax"/>.</summary>
    public TimeSpan AssessmentRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AssessmentRetryMax { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan AssessmentBackoff(int attempt)
    {
        var doubled = AssessmentRetryAfter.Ticks * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return doubled >= AssessmentRetryMax.Ticks ? AssessmentRetryMax : TimeSpan.FromTicks((long)doubled);
    }

    public BreachPolicy Policy => new(CeilingDays, DueSoonLead);
}
