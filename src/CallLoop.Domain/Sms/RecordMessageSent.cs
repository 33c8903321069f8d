namespace CallLoop.Domain;

/// <summary>Record a message a sending system sent (channel, kind, topic, time; no body).</summary>
[GenerateSerializer, Immutable, Alias("callloop.record-message-sent")]
public sealed record RecordMessageSent : SubjectCommand
{
    [Id(0)]
    public ContactChannel Channel { get; init; }

    [Id(1)]
    public MessageKind Kind { get; init; }

    [Id(2)]
    public string Topic { get; init; } = string.Empty;

    /// <summary>Defaults to now; never in the future.</summary>
    [Id(3)]
    public DateTimeOffset? SentAt { get; init; }
}

internal static class RecordMessageSentDecision
{
    public static RecordMessageSent Validate(RecordMessageSent command, DateTimeOffset now) => command with
    {
        Channel = CommandInput.Defined(command.Channel, "channel"),
        Kind = CommandInput.Defined(command.Kind, "kind"),
        Topic = CommandInput.Text(command.Topic, "topic"),
        SentAt = command.SentAt is { } at && at.ToUniversalTime() > now
            ? throw new InvalidCommandException("sentAt", "Field 'sentAt' must not be in the future.")
            : (command.SentAt ?? now).ToUniversalTime(),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, RecordMessageSent command, DateTimeOffset now) =>
        [new MessageSent { Channel = command.Channel, Kind = command.Kind, Topic = command.Topic, SentAt = command.SentAt ?? now }];
}
