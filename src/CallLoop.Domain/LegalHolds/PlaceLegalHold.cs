namespace CallLoop.Domain;

/// <summary>Keep categories from erasure for a legal reason; a repeated hold id is ignored.</summary>
[GenerateSerializer, Immutable, Alias("callloop.place-legal-hold")]
public sealed record PlaceLegalHold : SubjectCommand
{
    [Id(0)]
    public string HoldId { get; init; } = string.Empty;

    [Id(1)]
    public IReadOnlyList<PersonalInformationCategory> Categories { get; init; } = [];

    [Id(2)]
    public string Reason { get; init; } = string.Empty;
}

internal static class PlaceLegalHoldDecision
{
    public static PlaceLegalHold Validate(PlaceLegalHold command, DateTimeOffset now) => command with
    {
        HoldId = CommandInput.Id(command.HoldId, "holdId"),
        Categories = CommandInput.NonEmpty(command.Categories, "categories"),
        Reason = CommandInput.LongText(command.Reason, "reason", 1024),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, PlaceLegalHold command, DateTimeOffset now) =>
        state.LegalHolds.ContainsKey(command.HoldId)
            ? []
            : [new LegalHoldPlaced { HoldId = command.HoldId, Categories = command.Categories.ToArray(), Reason = command.Reason }];
}
