using System.Text.Json;
using CallLoop.Domain;

namespace CallLoop.Grains.Propagation;

/// <summary>
/// The JSON body of a webhook. The subject is named by its subject id, an opaque key that holds no contact detail
/// (never the email, phone or name); the instruction is codes only: action, and the category, scope or purpose.
/// </summary>
public sealed record WebhookPayload(
    string DeliveryId,
    string SubjectId,
    string Processor,
    string Action,
    string? Category,
    string? Scope,
    string? Purpose,
    long Sequence,
    DateTimeOffset SentAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebhookPayload For(string subjectId, DeliveryRecord delivery, DateTimeOffset sentAt) => new(
        delivery.DeliveryId,
        subjectId,
        delivery.Processor,
        EnumText.ToText(delivery.Action),
        delivery.Category is { } category ? EnumText.ToText(category) : null,
        delivery.Scope is { } scope ? EnumText.ToText(scope) : null,
        delivery.Purpose is { } purpose ? EnumText.ToText(purpose) : null,
        delivery.SourceSequence,
        sentAt);

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}
