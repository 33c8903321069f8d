namespace CallLoop.Domain;

/// <summary>Replace the incident's facts with corrected ones (the window, the categories, the data elements, ...).</summary>
[GenerateSerializer, Immutable, Alias("callloop.correct-incident")]
public sealed record CorrectIncident : IncidentCommand
{
    [Id(0)]
    public IncidentFacts Facts { get; init; } = new();

    [Id(1)]
    public string Reason { get; init; } = string.Empty;
}

internal static class CorrectIncidentDecision
{
    public static CorrectIncident Validate(CorrectIncident command, DateTimeOffset now) => command with
    {
        Facts = IncidentFactsValidation.Validate(command.Facts, now),
        Reason = CommandInput.LongText(command.Reason, "reason", 1024),
    };

    public static IReadOnlyList<IncidentEvent> Decide(IncidentState state, CorrectIncident command, DateTimeOffset now)
    {
        if (state.AssessmentRunning)
        {
            throw new RuleViolationException("assessment-running", "An assessment is running over the current facts; correct the incident once it has finished.");
        }

        return IncidentFactsValidation.Same(state.Facts!, command.Facts)
            ? []
            : [new IncidentCorrected { Facts = command.Facts, Reason = command.Reason }];
    }
}
