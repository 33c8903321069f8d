namespace CallLoop.Domain;

/// <summary>Start finding the affected subjects over the incident's current facts.</summary>
[GenerateSerializer, Immutable, Alias("callloop.start-assessment")]
public sealed record StartAssessment : IncidentCommand;

internal static class StartAssessmentDecision
{
    public static StartAssessment Validate(StartAssessment command, DateTimeOffset now) => command;

    /// <summary>One assessment at a time: asking again while one runs answers the running one.</summary>
    public static IReadOnlyList<IncidentEvent> Decide(IncidentState state, StartAssessment command, DateTimeOffset now) =>
        state.AssessmentRunning ? [] : [new IncidentAssessmentStarted { Assessment = state.AssessmentStarted + 1 }];
}
