namespace CallLoop.Domain;

/// <summary>Record that the running assessment failed on every attempt (sent by the assessment job).</summary>
[GenerateSerializer, Immutable, Alias("callloop.record-assessment-failure")]
public sealed record RecordAssessmentFailure : IncidentCommand
{
    [Id(0)]
    public int Assessment { get; init; }

    [Id(1)]
    public string ErrorType { get; init; } = string.Empty;

    [Id(2)]
    public int Attempts { get; init; }
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

        if (command.Attempts < 1)
        {
            throw new InvalidCommandException("attempts", "Field 'attempts' must be at least 1.");
        }

        return command with { ErrorType = errorType };
    }

    /// <summary>Only the assessment still running may fail: one overtaken (or already recorded) is dropped.</summary>
    public static IReadOnlyList<IncidentEvent> Decide(IncidentState state, RecordAssessmentFailure command, DateTimeOffset now) =>
        state.AssessmentRunning && command.Assessment == state.AssessmentStarted
            ? [new IncidentAssessmentFailed { Assessment = command.Assessment, ErrorType = command.ErrorType, Attempts = command.Attempts }]
            : [];
}
