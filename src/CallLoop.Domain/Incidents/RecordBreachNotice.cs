namespace CallLoop.Domain;

/// <summary>Record on the subject's own stream that they were sent an incident's breach notice.</summary>
[GenerateSerializer, Immutable, Alias("callloop.record-breach-notice")]
public sealed record RecordBreachNotice : SubjectCommand
{
    [Id(0)]
    public string IncidentId { get; init; } = string.Empty;

    [Id(1)]
    public NoticeChannel Channel { get; init; }

    [Id(2)]
    public DateTimeOffset? SentAt { get; init; }

    [Id(3)]
    public string Jurisdiction { get; init; } = string.Empty;
}

internal static class RecordBreachNoticeDecision
{
    public static RecordBreachNotice Validate(RecordBreachNotice command, DateTimeOffset now) => command with
    {
        IncidentId = CommandInput.Id(command.IncidentId, "incidentId"),
        Channel = CommandInput.Defined(command.Channel, "channel"),
        SentAt = CommandInput.Timestamp(command.SentAt, "sentAt", now),
        Jurisdiction = CommandInput.Text(command.Jurisdiction, "jurisdiction", 16),
    };

    /// <summary>One notice per incident: a second one for the same incident records nothing.</summary>
    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, RecordBreachNotice command, DateTimeOffset now)
    {
        if (state.ErasedCategories.Contains(PersonalInformationCategory.Identifiers))
        {
            throw new RuleViolationException("subject-erased", "The subject's contact details were erased; there is nothing left to notify them with.");
        }

        if (state.BreachNotices.Any(n => n.IncidentId == command.IncidentId))
        {
            return [];
        }

        return [new BreachNoticeSent { IncidentId = command.IncidentId, Channel = command.Channel, SentAt = command.SentAt!.Value, Jurisdiction = command.Jurisdiction }];
    }
}
