namespace CallLoop.Domain;

/// <summary>Deactivate the subject's account: no new collection or consent afterwards.</summary>
[GenerateSerializer, Immutable, Alias("callloop.deactivate-account")]
public sealed record DeactivateAccount : SubjectCommand
{
    /// <summary>Short reason code, e.g. request, fraud, inactivity.</summary>
    [Id(0)]
    public string Reason { get; init; } = string.Empty;
}

internal static class DeactivateAccountDecision
{
    public static DeactivateAccount Validate(DeactivateAccount command, DateTimeOffset now) =>
        command with { Reason = CommandInput.Text(command.Reason, "reason") };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, DeactivateAccount command, DateTimeOffset now) =>
        state.IsActive ? [new AccountDeactivated { Reason = command.Reason }] : [];
}
