using CallLoop.Domain;
using CallLoop.EventStore.Recipients;
using CallLoop.Grains.Keys;
using CallLoop.Silo.Http;
using CallLoop.Silo.Reports;

namespace CallLoop.Silo.Processors;

/// <summary>Validates a <see cref="ProcessorBody"/> field by field (400 naming the field) before anything is stored.</summary>
internal static class ProcessorRegistration
{
    public const int MinSecretLength = 32;
    public const int MaxSecretLength = 256;

    /// <summary>
    /// The recipient to store, its secret sealed under the current master key: a new secret from the body, or the
    /// existing one kept (and sealed anew if it was in clear or under an older master key).
    /// </summary>
    public static Recipient Apply(string name, ProcessorBody body, Recipient? existing, SigningSecretSealer sealer, WebhookDestinations destinations)
    {
        var type = BodyFields.Enum<RecipientType>(body.Type, "type");
        var address = RequiredText(body.Address, "address", 1024);
        var categories = BodyFields.Enums<PersonalInformationCategory>(body.Categories ?? [], "categories").Distinct().Order().ToList();
        var url = destinations.Validate(body.WebhookUrl);
        var secret = body.SigningSecret is null ? null : Secret(body.SigningSecret);
        if (secret is null && existing?.SigningSecret is null)
        {
            throw QueryParameters.Invalid("signingSecret", $"a secret of {MinSecretLength}-{MaxSecretLength} characters (required for a new processor)");
        }

        var recipient = new Recipient { Id = name, Type = type, Address = address, Categories = categories, WebhookUrl = url };
        if (secret is not null)
        {
            Seal(recipient, secret, sealer);
        }
        else
        {
            (recipient.SigningSecret, recipient.SigningSecretHint) = (existing!.SigningSecret, existing.SigningSecretHint);
            Reseal(recipient, sealer);
        }

        return recipient;
    }

    /// <summary>Seals <paramref name="recipient"/>'s secret under the current master key if it is not already; true when it changed.</summary>
    public static bool Reseal(Recipient recipient, SigningSecretSealer sealer)
    {
        if (recipient.SigningSecret is not { } stored || sealer.Reseal(recipient.Id, stored) is var resealed && ReferenceEquals(resealed, stored))
        {
            return false;
        }

        // A secret stored in clear before sealing existed has no hint yet; a sealed one keeps its own.
        recipient.SigningSecretHint ??= Hint(sealer.Open(recipient.Id, resealed));
        recipient.SigningSecret = resealed;
        return true;
    }

    private static void Seal(Recipient recipient, string secret, SigningSecretSealer sealer)
    {
        recipient.SigningSecret = sealer.Seal(recipient.Id, secret);
        recipient.SigningSecretHint = Hint(secret);
    }

    /// <summary>The last 4 characters of a secret long enough to spare them; null otherwise.</summary>
    public static string? Hint(string secret) => secret.Length >= MinSecretLength ? "..." + secret[^4..] : null;

    public static string Name(string? value) => RequiredText(value, "name", 256);

    private static string Secret(string value) =>
        value.Length is < MinSecretLength or > MaxSecretLength || value.Any(char.IsControl) || value.Trim().Length != value.Length
            ? throw QueryParameters.Invalid("signingSecret", $"a secret of {MinSecretLength}-{MaxSecretLength} characters without spaces at either end")
            : value;

    private static string RequiredText(string? value, string name, int max) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > max || value.Any(char.IsControl)
            ? throw QueryParameters.Invalid(name, $"a non-empty text of at most {max} characters")
            : value.Trim();
}
