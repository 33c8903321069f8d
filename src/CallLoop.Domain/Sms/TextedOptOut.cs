namespace CallLoop.Domain;

internal static class TextedOptOut
{
    /// <summary>The opt-out of marketing texts an inbound revocation causes, with the classification reason.</summary>
    public static IReadOnlyList<SubjectEvent> For(SubjectState state, string reason) =>
        state.IsOptedOut(OptOutScope.MarketingSms)
            ? []
            : [new OptedOut { Scope = OptOutScope.MarketingSms, Method = PreferenceMethod.SmsKeyword, Reason = reason, FromNonSubject = !state.IsRegistered }];
}
