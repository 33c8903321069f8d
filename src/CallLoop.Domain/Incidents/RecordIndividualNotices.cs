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

    public static IReadOnlyList<IncidentEvent> Decide(IncidentState state, RecordIndividualNotices command, DateTimeOffset now)
    {
        IncidentPreconditions.RequireAssessed(state);
        IncidentPreconditions.RequireAfterDiscovery(state, command.SentAt!.Value, "sentAt");
        return command.Notices.Count == 0
            ? []
            : [new IndividualNoticesRecorded { Channel = command.Channel, SentAt = command.SentAt.Value, Notices = command.Notices }];
    }
}
