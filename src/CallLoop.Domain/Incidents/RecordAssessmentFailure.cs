namespace CallLoop.Domain;

/// <summary>
/// Record that an attempt of the running assessment failed (sent by the assessment job). The stream counts the
/// attempts, so the bound holds whichever activation or silo made them.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.record-assessment-failure")]
public sealed record RecordAssessmentFailure : IncidentCommand
{
    [Id(0)]
    public int Assessment { get; init; }

    [Id(1)]
    public string ErrorType { get; init; } = string.Empty;

    /// <summary>How many attempts an assessment gets (setting <c>CallLoop:Incidents:AssessmentAttempts</c>).</summary>
    [Id(2)]
    public int AttemptsAllowed { get; init; }
}

internal static class RecordAssessmentFailureDecision
{
    public const int MaxErrorTypeLength = 200;

    public static RecordAssessmentFailure Validate(RecordAssessmentFailure command, DateTimeOffset now)
    {
        var errorType = CommandInput.Text(command.ErrorType, "errorType", MaxErrorTypeLength);

        // A type name and nothing else: free text here could carry what an error message quoted.
        if (!errorType.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '`' or '+'))
        {
            throw new InvalidCommandException("errorType", "Field 'errorType' must be a type name.");
        }

        if (command.AttemptsAllowed < 1)
        {
            throw new InvalidCommandException("attemptsAllowed", "Field 'attemptsAllowed' must be at least 1.");
        }

        return command with { ErrorType = errorType };
    }

    /// <summary>
    /// Only the assessment still running may fail: one overtaken (or already recorded) is dropped. The attempt that
    /// reaches the bound gives up (<see cref="IncidentAssessmentFailed"/>); an earlier one is recorded to be retried.
    /// </summary>
    public static IReadOnlyList<IncidentEvent> Decide(IncidentState state, RecordAssessmentFailure command, DateTimeOffset now)
    {
        if (!state.AssessmentRunning || command.Assessment != state.AssessmentStarted)
        {
            return [];
        }

        var attempt = state.AssessmentAttemptsFailed + 1;
        return attempt >= command.AttemptsAllowed
            ? [new IncidentAssessmentFailed { Assessment = command.Assessment, ErrorType = command.ErrorType, Attempts = attempt }]
            : [new IncidentAssessmentAttemptFailed { Assessment = command.Assessment, ErrorType = command.ErrorType, Attempt = attempt }];
    }
}
