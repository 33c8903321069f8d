namespace CallLoop.Domain;

/// <summary>We learned the subject is under 18: deactivate the account and start deleting their data.</summary>
[GenerateSerializer, Immutable, Alias("callloop.detect-minor")]
public sealed record DetectMinor : SubjectCommand
{
    [Id(0)]
    public DateOnly? BirthDate { get; init; }

    /// <summary>How we learned it, e.g. support-ticket, age-check.</summary>
    [Id(1)]
    public string? Evidence { get; init; }
}

internal static class DetectMinorDecision
{
    public static DetectMinor Validate(DetectMinor command, DateTimeOffset now) => command with
    {
        BirthDate = BirthDates.NotInFuture(command.BirthDate, now),
        Evidence = CommandInput.OptionalLongText(command.Evidence, "evidence", 1024),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, DetectMinor command, DateTimeOffset now)
    {
        if (command.BirthDate is { } birthDate && !MinorAge.IsMinor(birthDate, now))
        {
            throw Preconditions.Violation("not-a-minor", "The birth date given shows the subject is 18 or older.");
        }

        var events = new List<SubjectEvent>();
        if (!state.IsMinor)
        {
            events.Add(new MinorDetected { BirthDate = command.BirthDate, Evidence = command.Evidence });
        }

        if (state.IsActive)
        {
            events.Add(new AccountDeactivated { Reason = "minor" });
        }

        if (state.ErasureReason != ErasureReason.Minor)
        {
            events.Add(new ErasureStarted { Reason = ErasureReason.Minor, RetainedCategories = CompleteRequestDecision.Retained(state) });
        }

        return events;
    }
}
