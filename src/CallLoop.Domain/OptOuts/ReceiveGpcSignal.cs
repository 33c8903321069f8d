namespace CallLoop.Domain;

/// <summary>
/// A Global Privacy Control signal. Call Loop honours it in every jurisdiction, whether or not the law
/// requires it yet, as an opt-out of sale, sharing and targeted advertising.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.receive-gpc-signal")]
public sealed record ReceiveGpcSignal : SubjectCommand;

internal static class ReceiveGpcSignalDecision
{
    private static readonly OptOutScope[] Scopes = [OptOutScope.Sale, OptOutScope.Sharing, OptOutScope.TargetedAdvertising];

    public static ReceiveGpcSignal Validate(ReceiveGpcSignal command, DateTimeOffset now) => command;

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, ReceiveGpcSignal command, DateTimeOffset now) =>
        OptOutEvents.For(state, PreferenceMethod.Gpc, null, Scopes);
}
