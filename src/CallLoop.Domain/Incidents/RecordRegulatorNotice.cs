namespace CallLoop.Domain;

/// <summary>Record that a jurisdiction's regulator was notified.</summary>
[GenerateSerializer, Immutable, Alias("callloop.record-regulator-notice")]
public sealed record RecordRegulatorNotice : IncidentCommand
{
    [Id(0)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(1)]
    public string Regulator { get; init; } = string.Empty;

    [Id(2)]
    public DateTimeOffset? SentAt { get; init; }
}

internal static class RecordRegulatorNoticeDecision
{
    public static RecordRegulatorNotice Validate(RecordRegulatorNotice command, DateTimeOffset now) => command with
    {
        Jurisdiction = CommandInput.Text(command.Jurisdiction, "jurisdiction", 16).ToUpperInvariant(),
        Regulator = CommandInput.Text(command.Regulator, "regulator"),
        SentAt = CommandInput.Timestamp(command.SentAt, "sentAt", now),
    };

    public static IReadOnlyList<IncidentEvent> Decide(IncidentState state, RecordRegulatorNotice command, DateTimeOffset now)
    {
        IncidentPreconditions.RequireAssessed(state);
        IncidentPreconditions.RequireAfterDiscovery(state, command.SentAt!.Value, "sentAt");
        if (!state.Affected.ContainsKey(command.Jurisdiction))
        {
            throw new RuleViolationException("jurisdiction-not-affected", "The assessment found nobody affected in that jurisdiction.");
        }

        if (state.RegulatorNotices.ContainsKey(command.Jurisdiction))
        {
            return [];
        }

        return [new RegulatorNotified { Jurisdiction = command.Jurisdiction, Regulator = command.Regulator, SentAt = command.SentAt.Value }];
    }
}
