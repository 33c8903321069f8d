namespace CallLoop.Domain;

/// <summary>A privacy officer starts a failed assessment again, as a new assessment over the incident's current facts.</summary>
[GenerateSerializer, Immutable, Alias("callloop.restart-assessment")]
public sealed record RestartAssessment : IncidentCommand;

internal static class RestartAssessmentDecision
{
    public static RestartAssessment Validate(RestartAssessment command, DateTimeOffset now) => command;

    public static IReadOnlyList<IncidentEvent> Decide(IncidentState state, RestartAssessment command, DateTimeOffset now) =>
        state.AssessmentFailed
            ? [new IncidentAssessmentStarted { Assessment = state.AssessmentStarted + 1 }]
            : throw new RuleViolationException("assessment-not-failed", "Only a failed assessment can be restarted (start one with POST /api/incidents/{id}/assessment).");
}
