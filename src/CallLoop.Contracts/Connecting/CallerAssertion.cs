using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CallLoop.Contracts.Connecting;

/// <summary>
/// How a client proves, call by call, which certificate it holds: the certificate and a signature made with its
/// private key over the certificate's thumbprint and the time, carried in the call's request context. The silos
/// accept it only from a certificate of the cluster's authority, for <see cref="Lifetime"/>, and strip it before any
/// call of their own, so it never travels further than the gateway it was sent to (over TLS).
/// </summary>
public static class CallerAssertion
{
    public const string CertificateKey = "callloop.caller.certificate";

    public const string SignatureKey = "callloop.caller.signature";

    public static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The signature value: <c>unix-seconds.base64-signature</c>.</summary>
    public static string Sign(X509Certificate2 certificate, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var seconds = at.ToUnixTimeSeconds();
        var signed = Signed(certificate, seconds);
        byte[] signature;
        using (var ecdsa = certificate.GetECDsaPrivateKey())
        using (var rsa = ecdsa is null ? certificate.GetRSAPrivateKey() : null)
        {
            signature = ecdsa?.SignData(signed, HashAlgorithmName.SHA256)
                ?? rsa?.SignData(signed, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)
                ?? throw new InvalidOperationException("The client certificate has no ECDSA or RSA private key.");
        }

        return $"{seconds.ToString(CultureInfo.InvariantCulture)}.{Convert.ToBase64String(signature)}";
    }

    /// <summary>When <paramref name="value"/> was signed, if it is a signature by <paramref name="certificate"/>'s key.</summary>
    public static DateTimeOffset? Verify(X509Certificate2 certificate, string value)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var dot = value?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0
            || !long.TryParse(value.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(value![(dot + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }

        var signed = Signed(certificate, seconds);
        using var ecdsa = certificate.GetECDsaPublicKey();
        using var rsa = ecdsa is null ? certificate.GetRSAPublicKey() : null;
        var valid = ecdsa?.VerifyData(signed, signature, HashAlgorithmName.SHA256)
            ?? rsa?.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)
            ?? false;
        return valid ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    private static byte[] Signed(X509Certificate2 certificate, long seconds) =>
        Encoding.UTF8.GetBytes($"callloop-caller|{certificate.Thumbprint}|{seconds.ToString(CultureInfo.InvariantCulture)}");
}
