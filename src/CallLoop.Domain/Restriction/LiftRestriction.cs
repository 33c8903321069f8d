namespace CallLoop.Domain;

/// <summary>End a processing restriction.</summary>
[GenerateSerializer, Immutable, Alias("callloop.lift-restriction")]
public sealed record LiftRestriction : SubjectCommand
{
    [Id(0)]
    public string? Reason { get; init; }
}

internal static class LiftRestrictionDecision
{
    public static LiftRestriction Validate(LiftRestriction command, DateTimeOffset now) =>
        command with { Reason = CommandInput.OptionalLongText(command.Reason, "reason", 1024) };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, LiftRestriction command, DateTimeOffset now) =>
        state.IsRestricted ? [new ProcessingRestrictionLifted { Reason = command.Reason }] : [];
}
