using CallLoop.Domain;
using CallLoop.EventStore.Recipients;
using CallLoop.EventStore.Protection;

namespace CallLoop.Silo.Processors;

/// <summary>A processor as the API shows it: the signing secret only as whether one is set and its last 4 characters, never sealed or in clear.</summary>
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
        recipient.SigningSecretHint ?? LegacyHint(recipient.SigningSecret));

    /// <summary>A secret stored in clear before sealing existed has no stored hint; a sealed one never yields one here.</summary>
    private static string? LegacyHint(string? stored) =>
        stored is null || SigningSecretCipher.IsSealed(stored) ? null : ProcessorRegistration.Hint(stored);
}
