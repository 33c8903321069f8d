using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CallLoop.Contracts.Connecting;

namespace CallLoop.Silo.GrainAccess;

/// <summary>
/// Reads a client's <see cref="CallerAssertion"/> from the call's request context: the certificate must chain to the
/// cluster's authority and carry a role, the signature be its key's and recent. Certificates judged once are remembered.
/// </summary>
public sealed class CallerIdentities(ClusterCredentials credentials, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (X509Certificate2 Certificate, CallerIdentity? Identity)> certificates = new(StringComparer.Ordinal);

    public CallerIdentity? Current()
    {
        if (RequestContext.Get(CallerAssertion.CertificateKey) is not string encoded
            || RequestContext.Get(CallerAssertion.SignatureKey) is not string signature
            || certificates.Count > 10_000 && !certificates.ContainsKey(encoded))
        {
            return null;
        }

        var (certificate, identity) = certificates.GetOrAdd(encoded, Judge);
        if (identity is null || CallerAssertion.Verify(certificate, signature) is not { } signedAt)
        {
            return null;
        }

        var age = time.GetUtcNow() - signedAt;
        return age.Duration() <= CallerAssertion.Lifetime && time.GetUtcNow() < certificate.NotAfter ? identity : null;
    }

    private (X509Certificate2, CallerIdentity?) Judge(string encoded)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(encoded));
            return ClusterCertificates.IsClient(certificate, credentials.Authority)
                ? (certificate, new CallerIdentity(ClusterCertificates.Name(certificate), ClusterCertificates.Roles(certificate)))
                : (certificate, null);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return (credentials.Authority, null);
        }
    }
}
