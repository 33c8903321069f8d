using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CallLoop.Domain;

/// <summary>
/// HMAC-SHA256 with a processor's signing secret, written "sha256={lowercase hex}", in <see cref="SignatureHeader"/>.
/// Each direction signs its own string so that one can never stand for the other: a webhook we send signs
/// "{timestamp}.{body}", an acknowledgement the processor sends back signs "acknowledgement.{timestamp}.{body}"
/// (timestamp in Unix seconds). Without the prefix, a captured webhook (which names the delivery and the subject)
/// would replay as a valid acknowledgement.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-CallLoop-Signature";
    public const string TimestampHeader = "X-CallLoop-Timestamp";
    public const string DeliveryHeader = "X-CallLoop-Delivery";

    /// <summary>What an acknowledgement's signed string starts with, before "{timestamp}.{body}".</summary>
    public const string AcknowledgementPrefix = "acknowledgement.";

    /// <summary>How far a signed timestamp may be from now before it is refused (replay window).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Compute(string secret, SignedMessage message, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.UTF8.GetBytes(Prefix(message) + timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>True when <paramref name="signature"/> is right for a <paramref name="message"/> with this body and the timestamp is within <see cref="Tolerance"/> of <paramref name="now"/>.</summary>
    public static bool IsValid(string secret, SignedMessage message, string? timestampText, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (signature is null || !long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return false;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, 253402300799));
        if (age.Duration() > Tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, message, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static string Prefix(SignedMessage message) => message switch
    {
        SignedMessage.Webhook => string.Empty,
        SignedMessage.Acknowledgement => AcknowledgementPrefix,
        _ => throw new ArgumentOutOfRangeException(nameof(message)),
    };
}
