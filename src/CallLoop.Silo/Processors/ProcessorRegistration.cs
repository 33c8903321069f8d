using CallLoop.Domain;
using CallLoop.EventStore.Projections.Recipients;
using CallLoop.Silo.Http;
using CallLoop.Silo.Reports;

namespace CallLoop.Silo.Processors;

/// <summary>Validates a <see cref="ProcessorBody"/> field by field (400 naming the field) before anything is stored.</summary>
internal static class ProcessorRegistration
{
    public const int MinSecretLength = 32;
    public const int MaxSecretLength = 256;

    public static Recipient Apply(string name, ProcessorBody body, Recipient? existing)
    {
        var type = BodyFields.Enum<RecipientType>(body.Type, "type");
        var address = RequiredText(body.Address, "address", 1024);
        var categories = BodyFields.Enums<PersonalInformationCategory>(body.Categories ?? [], "categories").Distinct().Order().ToList();
        var url = WebhookUrl(body.WebhookUrl);
        var secret = body.SigningSecret is null ? existing?.SigningSecret : Secret(body.SigningSecret);
        if (secret is null)
        {
            throw QueryParameters.Invalid("signingSecret", $"a secret of {MinSecretLength}-{MaxSecretLength} characters (required for a new processor)");
        }

        return new Recipient
        {
            Id = name,
            Type = type,
            Address = address,
            Categories = categories,
            WebhookUrl = url,
            SigningSecret = secret,
        };
    }

    public static string Name(string? value) => RequiredText(value, "name", 256);

    private static string WebhookUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || value.Length > 2048
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(url.UserInfo))
        {
            throw QueryParameters.Invalid("webhookUrl", "an absolute http or https URL without credentials, at most 2048 characters");
        }

        return url.AbsoluteUri;
    }

    private static string Secret(string value) =>
        value.Length is < MinSecretLength or > MaxSecretLength || value.Any(char.IsControl) || value.Trim().Length != value.Length
            ? throw QueryParameters.Invalid("signingSecret", $"a secret of {MinSecretLength}-{MaxSecretLength} characters without spaces at either end")
            : value;

    private static string RequiredText(string? value, string name, int max) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > max || value.Any(char.IsControl)
            ? throw QueryParameters.Invalid(name, $"a non-empty text of at most {max} characters")
            : value.Trim();
}
