using System.Security.Cryptography.X509Certificates;

namespace CallLoop.Contracts.Connecting;

/// <summary>Loads the cluster's certificates from <see cref="ClusterTlsOptions"/> and judges the certificates peers present.</summary>
public static class ClusterCertificates
{
    /// <summary>The organisational unit of a silo's certificate; client certificates name roles instead.</summary>
    public const string SiloRole = "silo";

    private const string OrganizationalUnitOid = "2.5.4.11";

    /// <summary>
    /// The configured credentials; in Development with nothing configured, the throwaway ones of
    /// <paramref name="developmentIdentity"/> (created on first use). Errors name settings, never key material.
    /// </summary>
    public static ClusterCredentials Load(ClusterTlsOptions options, bool isDevelopment, string developmentIdentity)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (isDevelopment && string.IsNullOrWhiteSpace(options.CertificateAuthority) && string.IsNullOrWhiteSpace(options.Certificate))
        {
            var folder = string.IsNullOrWhiteSpace(options.DevelopmentFolder) ? DevelopmentCertificates.DefaultFolder : options.DevelopmentFolder;
            return DevelopmentCertificates.Load(folder, developmentIdentity);
        }

        var authority = X509Certificate2.CreateFromPem(Pem(options.CertificateAuthority, nameof(options.CertificateAuthority)));
        var certificate = FromPem(Pem(options.Certificate, nameof(options.Certificate)), Pem(options.CertificateKey, nameof(options.CertificateKey)));
        return new ClusterCredentials(authority, certificate);
    }

    /// <summary>A certificate with its private key, usable by TLS on every platform.</summary>
    public static X509Certificate2 FromPem(string certificatePem, string keyPem)
    {
        using var ephemeral = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>The roles a certificate carries: its organisational units.</summary>
    public static IReadOnlyList<string> Roles(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return [.. certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(name => name.GetSingleElementType().Value == OrganizationalUnitOid)
            .Select(name => name.GetSingleElementValue() ?? string.Empty)
            .Where(role => role.Length > 0)];
    }

    /// <summary>Who a certificate names: its common name.</summary>
    public static string Name(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
    }

    /// <summary>Whether <paramref name="certificate"/> is in its validity period and chains to <paramref name="authority"/>.</summary>
    public static bool IsIssuedBy(X509Certificate2 certificate, X509Certificate2 authority)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(authority);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate)
            && chain.ChainElements[chain.ChainElements.Count - 1].Certificate.RawDataMemory.Span.SequenceEqual(authority.RawDataMemory.Span);
    }

    /// <summary>A silo's certificate: issued by the authority, OU <see cref="SiloRole"/>.</summary>
    public static bool IsSilo(X509Certificate2 certificate, X509Certificate2 authority) =>
        IsIssuedBy(certificate, authority) && Roles(certificate).Contains(SiloRole, StringComparer.Ordinal);

    /// <summary>A client's certificate: issued by the authority, with at least one role and not a silo's.</summary>
    public static bool IsClient(X509Certificate2 certificate, X509Certificate2 authority)
    {
        var roles = Roles(certificate);
        return IsIssuedBy(certificate, authority) && roles.Count > 0 && !roles.Contains(SiloRole, StringComparer.Ordinal);
    }

    private static string Pem(string? setting, string name)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            throw new InvalidOperationException($"{ClusterTlsOptions.SectionName}:{name} must be set (PEM text or the path of a PEM file) outside Development.");
        }

        return setting.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal) ? setting : File.ReadAllText(setting);
    }
}
