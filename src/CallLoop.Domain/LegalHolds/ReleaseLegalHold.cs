namespace CallLoop.Domain;

/// <summary>Release a legal hold by its id.</summary>
[GenerateSerializer, Immutable, Alias("callloop.release-legal-hold")]
public sealed record ReleaseLegalHold : SubjectCommand
{
    [Id(0)]
    public string HoldId { get; init; } = string.Empty;

    [Id(1)]
    public string? Reason { get; init; }
}

internal static class ReleaseLegalHoldDecision
{
    public static ReleaseLegalHold Validate(ReleaseLegalHold command, DateTimeOffset now) => command with
    {
        HoldId = CommandInput.Id(command.HoldId, "holdId"),
        Reason = CommandInput.OptionalLongText(command.Reason, "reason", 1024),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, ReleaseLegalHold command, DateTimeOffset now) =>
        state.LegalHolds.ContainsKey(command.HoldId)
            ? [new LegalHoldReleased { HoldId = command.HoldId, Reason = command.Reason }]
            : throw Preconditions.Violation("legal-hold-not-found", $"Legal hold '{command.HoldId}' is not in force.");
}
