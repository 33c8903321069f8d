namespace CallLoop.Domain;

/// <summary>Record that the subject now lives under another jurisdiction's law.</summary>
[GenerateSerializer, Immutable, Alias("callloop.change-residency")]
public sealed record ChangeResidency : SubjectCommand
{
    [Id(0)]
    public string Jurisdiction { get; init; } = string.Empty;
}

internal static class ChangeResidencyDecision
{
    public static ChangeResidency Validate(ChangeResidency command, DateTimeOffset now) =>
        command with { Jurisdiction = JurisdictionTable.Code(command.Jurisdiction) };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, ChangeResidency command, DateTimeOffset now) =>
        state.Jurisdiction == command.Jurisdiction
            ? []
            : [new ResidencyChanged { PreviousJurisdiction = state.Jurisdiction ?? string.Empty, Jurisdiction = command.Jurisdiction }];
}
