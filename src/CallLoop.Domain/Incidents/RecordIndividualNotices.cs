namespace CallLoop.Domain;

/// <summary>Record that notices reached people, counted per jurisdiction (each person's stream has its own fact).</summary>
[GenerateSerializer, Immutable, Alias("callloop.record-individual-notices")]
public sealed record RecordIndividualNotices : IncidentCommand
{
    [Id(0)]
    public NoticeChannel Channel { get; init; }

    [Id(1)]
    public DateTimeOffset? SentAt { get; init; }

    [Id(2)]
    public IReadOnlyList<JurisdictionNoticeCount> Notices { get; init; } = [];
}

internal static class RecordIndividualNoticesDecision
{
    public static RecordIndividualNotices Validate(RecordIndividualNotices command, DateTimeOffset now) => command with
    {
        Channel = CommandInput.Defined(command.Channel, "channel"),
        SentAt = CommandInput.Timestamp(command.SentAt, "sentAt", now),
        Notices = [.. (command.Notices ?? []).Where(n => n.Count > 0)],
    };

    public const string RegulatorFirst = "regulator-before-individuals";

    public static IReadOnlyList<IncidentEvent> Decide(IncidentState state, RecordIndividualNotices command, DateTimeOffset now, BreachPolicy policy)
    {
        IncidentPreconditions.RequireAssessed(state);
        IncidentPreconditions.RequireAfterDiscovery(state, command.SentAt!.Value, "sentAt");
        foreach (var notice in command.Notices)
        {
            RequireRegulatorFirst(state, notice.Jurisdiction, command.SentAt.Value, now, policy);
        }

        return command.Notices.Count == 0
            ? []
            : [new IndividualNoticesRecorded { Channel = command.Channel, SentAt = command.SentAt.Value, Notices = command.Notices }];
    }

    /// <summary>
    /// Where the law wants the regulator told before the people (NJ 56:8-163(c)(1): the State Police "in advance of the
    /// disclosure to the customer"; MD 14-3504(h): the Attorney General "prior to giving the notification"), notices
    /// are refused until the regulator's notice is recorded, and may not be dated before it. A law-enforcement delay
    /// postpones the people's notice; it never lets them hear first, so there is no exception.
    /// </summary>
    private static void RequireRegulatorFirst(IncidentState state, string jurisdiction, DateTimeOffset sentAt, DateTimeOffset now, BreachPolicy policy)
    {
        if (!state.Affected.TryGetValue(jurisdiction, out var affected))
        {
            return;
        }

        var obligation = BreachObligations.For(state, state.Facts!, affected, policy, now);
        if (!obligation.IndividualNoticesAwaitRegulator && !(obligation.RegulatorBeforeIndividuals && obligation.RegulatorNotifiedAt > sentAt))
        {
            return;
        }

        throw new RuleViolationException(
            RegulatorFirst,
            obligation.RegulatorNotifiedAt is null
                ? $"{jurisdiction} ({obligation.Statute}): the {obligation.Regulator} must be notified before the people; record the regulator's notice first."
                : $"{jurisdiction} ({obligation.Statute}): the people's notices may not be dated before the {obligation.Regulator}'s notice.");
    }
}
