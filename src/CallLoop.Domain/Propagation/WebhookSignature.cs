using System.Security.Cryptography;
using System.Text;

namespace CallLoop.Domain;

/// <summary>
/// HMAC-SHA256 with a processor's signing secret over "{timestamp}.{body}" (timestamp in Unix seconds), written
/// "sha256={lowercase hex}". Webhooks carry it in <see cref="SignatureHeader"/>; acknowledgements must carry one too.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-CallLoop-Signature";
    public const string TimestampHeader = "X-CallLoop-Timestamp";
    public const string DeliveryHeader = "X-CallLoop-Delivery";

    /// <summary>How far a signed timestamp may be from now before it is refused (replay window).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>True when <paramref name="signature"/> is right for the body and the timestamp is within <see cref="Tolerance"/> of <paramref name="now"/>.</summary>
    public static bool IsValid(string secret, string? timestampText, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (signature is null || !long.TryParse(timestampText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var timestamp))
        {
            return false;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, 253402300799));
        if (age.Duration() > Tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
