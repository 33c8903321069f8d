using CallLoop.Domain;

namespace CallLoop.EventStore.Recipients;

/// <summary>
/// A registered recipient of disclosures or processor (a business, not a person); <see cref="Id"/> is the name used in
/// disclosures. A recipient with a <see cref="WebhookUrl"/> is a processor: it hears of erasures, corrections,
/// opt-outs and consent withdrawals (see <see cref="AffectedProcessors"/>).
/// </summary>
public sealed class Recipient
{
    public string Id { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public RecipientType Type { get; set; }

    /// <summary>The categories this recipient receives.</summary>
    public List<PersonalInformationCategory> Categories { get; set; } = [];

    /// <summary>Absolute http(s) URL that webhooks are POSTed to.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Key of the webhooks' HMAC-SHA256 signatures, sealed under a master key (<c>secret:1:...</c>, see
    /// <c>SigningSecretCipher</c>); a row written before sealing existed holds it in clear until its next update or
    /// rewrap. Never returned by the API and never logged.
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>The secret's last 4 characters as <c>...abcd</c>, so an admin can tell which secret is set.</summary>
    public string? SigningSecretHint { get; set; }

    public bool IsProcessor => WebhookUrl is not null && SigningSecret is not null;

    public ProcessorTarget ToTarget() => new() { Processor = Id, Categories = [.. Categories] };
}
