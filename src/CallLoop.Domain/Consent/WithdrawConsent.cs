namespace CallLoop.Domain;

/// <summary>Withdraw a consent; withdrawing one that is not in force changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("callloop.withdraw-consent")]
public sealed record WithdrawConsent : SubjectCommand
{
    [Id(0)]
    public ConsentPurpose Purpose { get; init; }

    [Id(1)]
    public string? Channel { get; init; }

    [Id(2)]
    public string? Evidence { get; init; }
}

internal static class WithdrawConsentDecision
{
    public static WithdrawConsent Validate(WithdrawConsent command, DateTimeOffset now) => command with
    {
        Purpose = CommandInput.Defined(command.Purpose, "purpose"),
        Channel = CommandInput.OptionalText(command.Channel, "channel"),
        Evidence = CommandInput.OptionalLongText(command.Evidence, "evidence"),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, WithdrawConsent command, DateTimeOffset now) =>
        state.HasConsent(command.Purpose)
            ? [new ConsentWithdrawn { Purpose = command.Purpose, Channel = command.Channel, Evidence = command.Evidence }]
            : [];
}
