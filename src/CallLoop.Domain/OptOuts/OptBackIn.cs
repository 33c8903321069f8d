namespace CallLoop.Domain;

/// <summary>Reverse an opt-out at the subject's request.</summary>
[GenerateSerializer, Immutable, Alias("callloop.opt-back-in")]
public sealed record OptBackIn : SubjectCommand
{
    [Id(0)]
    public OptOutScope Scope { get; init; }

    [Id(1)]
    public PreferenceMethod Method { get; init; }
}

internal static class OptBackInDecision
{
    public static OptBackIn Validate(OptBackIn command, DateTimeOffset now) => command with
    {
        Scope = CommandInput.Defined(command.Scope, "scope"),
        Method = CommandInput.Defined(command.Method, "method"),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, OptBackIn command, DateTimeOffset now)
    {
        if (!state.IsOptedOut(command.Scope))
        {
            return [];
        }

        Preconditions.RequireActiveAdult(state, "opt back in");
        return [new OptedBackIn { Scope = command.Scope, Method = command.Method }];
    }
}
