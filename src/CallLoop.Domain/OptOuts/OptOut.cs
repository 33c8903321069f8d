namespace CallLoop.Domain;

/// <summary>Opt the subject out of a use of their information; repeating it changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("callloop.opt-out")]
public sealed record OptOut : SubjectCommand
{
    [Id(0)]
    public OptOutScope Scope { get; init; }

    [Id(1)]
    public PreferenceMethod Method { get; init; }
}

internal static class OptOutDecision
{
    public static OptOut Validate(OptOut command, DateTimeOffset now) => command with
    {
        Scope = CommandInput.Defined(command.Scope, "scope"),
        Method = CommandInput.Defined(command.Method, "method"),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, OptOut command, DateTimeOffset now) =>
        OptOutEvents.For(state, command.Method, null, command.Scope);
}

internal static class OptOutEvents
{
    /// <summary>Opted-out events for the scopes not already opted out.</summary>
    public static IReadOnlyList<SubjectEvent> For(SubjectState state, PreferenceMethod method, string? requestId, params OptOutScope[] scopes) =>
        scopes
            .Where(scope => !state.IsOptedOut(scope))
            .Select(scope => (SubjectEvent)new OptedOut { Scope = scope, Method = method, RequestId = requestId, FromNonSubject = !state.IsRegistered })
            .ToArray();
}
