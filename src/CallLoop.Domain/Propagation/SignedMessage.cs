using System.Text.Json.Serialization;

namespace CallLoop.Domain;

/// <summary>Which way a signed message travels; each direction signs a different string (see <see cref="WebhookSignature"/>).</summary>
[GenerateSerializer, Alias("callloop.signed-message")]
public enum SignedMessage
{
    /// <summary>A webhook Call Loop sends to a processor.</summary>
    [JsonStringEnumMemberName("webhook")]
    Webhook = 0,

    /// <summary>An acknowledgement a processor sends back.</summary>
    [JsonStringEnumMemberName("acknowledgement")]
    Acknowledgement = 1,
}
