namespace CallLoop.Domain;

/// <summary>
/// Record that a credit bureau was told of the breach: for one jurisdiction, or (no jurisdiction) for every affected
/// jurisdiction whose law requires it, since one notice to a nationwide agency serves them all.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.record-credit-bureau-notice")]
public sealed record RecordCreditBureauNotice : IncidentCommand
{
    [Id(0)]
    public string? Jurisdiction { get; init; }

    [Id(1)]
    public CreditBureau Bureau { get; init; }

    [Id(2)]
    public DateTimeOffset? SentAt { get; init; }
}

internal static class RecordCreditBureauNoticeDecision
{
    public static RecordCreditBureauNotice Validate(RecordCreditBureauNotice command, DateTimeOffset now) => command with
    {
        Jurisdiction = CommandInput.OptionalText(command.Jurisdiction, "jurisdiction", 16)?.ToUpperInvariant(),
        Bureau = CommandInput.Defined(command.Bureau, "bureau"),
        SentAt = CommandInput.Timestamp(command.SentAt, "sentAt", now),
    };

    public static IReadOnlyList<IncidentEvent> Decide(IncidentState state, RecordCreditBureauNotice command, DateTimeOffset now, BreachPolicy policy)
    {
        IncidentPreconditions.RequireAssessed(state);
        IncidentPreconditions.RequireAfterDiscovery(state, command.SentAt!.Value, "sentAt");
        var obligations = BreachObligations.For(state, policy, now);
        if (command.Jurisdiction is { } code && obligations.All(o => o.Jurisdiction != code))
        {
            throw new RuleViolationException("jurisdiction-not-affected", "The assessment found nobody affected in that jurisdiction.");
        }

        var owed = obligations.Where(o => o.CreditBureausRequired && (command.Jurisdiction is null || o.Jurisdiction == command.Jurisdiction)).ToList();
        if (owed.Count == 0)
        {
            throw new RuleViolationException(
                "credit-bureaus-not-required",
                command.Jurisdiction is null
                    ? "No affected jurisdiction's law requires telling the credit bureaus of this incident."
                    : "That jurisdiction's law does not require telling the credit bureaus of this incident.");
        }

        var fresh = owed.Where(o => !o.CreditBureausNotified.Contains(command.Bureau)).Select(o => o.Jurisdiction).ToArray();
        return fresh.Length == 0
            ? []
            : [new CreditBureauNotified { Jurisdictions = fresh, Bureau = command.Bureau, SentAt = command.SentAt.Value }];
    }
}
