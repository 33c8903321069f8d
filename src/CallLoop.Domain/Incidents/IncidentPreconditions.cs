namespace CallLoop.Domain;

internal static class IncidentPreconditions
{
    public static void RequireAssessed(IncidentState state)
    {
        if (state.AssessmentFailed)
        {
            throw new RuleViolationException("assessment-failed", "The incident's latest assessment failed: a privacy officer restarts it before notices are recorded.");
        }

        if (state.AssessmentCompleted == 0 || state.AssessmentRunning || state.AssessmentStale)
        {
            throw new RuleViolationException("incident-not-assessed", "The incident's affected subjects are not assessed yet (or the facts were corrected since: assess again).");
        }
    }

    public static void RequireAfterDiscovery(IncidentState state, DateTimeOffset at, string field)
    {
        if (at < state.Facts!.DiscoveredAt)
        {
            throw new InvalidCommandException(field, $"Field '{field}' must not be before the incident was discovered.");
        }
    }
}
