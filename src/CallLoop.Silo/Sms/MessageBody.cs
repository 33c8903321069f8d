using CallLoop.Domain;
using CallLoop.Silo.Http;

namespace CallLoop.Silo.Sms;

/// <summary>A message a sending system sent: channel, kind, topic and time, never the body.</summary>
public sealed record MessageBody(string? Channel, string? Kind, string? Topic, string? SentAt)
{
    public RecordMessageSent ToCommand(string subjectId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        Channel = BodyFields.Enum<ContactChannel>(Channel, "channel"),
        Kind = BodyFields.Enum<MessageKind>(Kind, "kind"),
        Topic = Topic ?? string.Empty,
        SentAt = BodyFields.OptionalTime(SentAt, "sentAt"),
    };
}
