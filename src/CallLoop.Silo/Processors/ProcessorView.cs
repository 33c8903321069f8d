using CallLoop.Domain;
using CallLoop.EventStore.Projections.Recipients;

namespace CallLoop.Silo.Processors;

/// <summary>A processor as the API shows it: the signing secret only as whether one is set and its last 4 characters.</summary>
public sealed record ProcessorView(
    string Name,
    RecipientType Type,
    string Address,
    IReadOnlyList<PersonalInformationCategory> Categories,
    string? WebhookUrl,
    bool SigningSecretSet,
    string? SigningSecretHint)
{
    public static ProcessorView Of(Recipient recipient) => new(
        recipient.Id,
        recipient.Type,
        recipient.Address,
        recipient.Categories,
        recipient.WebhookUrl,
        recipient.SigningSecret is not null,
        recipient.SigningSecret is { Length: >= 32 } secret ? "..." + secret[^4..] : null);
}
