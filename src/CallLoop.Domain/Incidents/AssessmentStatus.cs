namespace CallLoop.Domain;

/// <summary>Where an incident's assessment stands, as the committed events say (the running job may know more).</summary>
public static class AssessmentStatus
{
    public const string NotStarted = "not-started";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Stale = "stale";
    public const string Failed = "failed";

    /// <summary>not-started, stale (the facts were corrected since), failed (gave up: restart it), running or completed.</summary>
    public static string Of(IncidentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.AssessmentStarted == 0 ? NotStarted
            : state.AssessmentStale ? Stale
            : state.AssessmentFailed ? Failed
            : state.AssessmentRunning ? Running
            : Completed;
    }
}
