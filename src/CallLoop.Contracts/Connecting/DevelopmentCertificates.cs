using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CallLoop.Contracts.Connecting;

/// <summary>
/// Throwaway certificates for Development, so a fresh clone runs without a certificate authority: a private CA (its
/// key is not kept) and one certificate per identity below, created once per folder and again when they near expiry.
/// They protect a developer's loopback cluster and nothing else.
/// </summary>
public static class DevelopmentCertificates
{
    /// <summary>Silos; clients by role; <c>seed</c> loads demo data, so it records and answers requests.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Identities { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["silo"] = [ClusterCertificates.SiloRole],
        ["service"] = ["service"],
        ["privacy-officer"] = ["privacy-officer"],
        ["admin"] = ["admin"],
        ["seed"] = ["service", "privacy-officer"],
    };

    public static string DefaultFolder { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "CallLoop",
        "development-certificates");

    private const string AuthorityFile = "ca.pem";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>The CA and <paramref name="identity"/>'s certificate from <paramref name="folder"/>, created there first if needed.</summary>
    public static ClusterCredentials Load(string folder, string identity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Identities.ContainsKey(identity))
        {
            throw new ArgumentException($"There is no development identity '{identity}'; known: {string.Join(", ", Identities.Keys)}.", nameof(identity));
        }

        Ensure(folder);
        var authority = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(folder, AuthorityFile));
        var certificate = ClusterCertificates.FromPem(File.ReadAllText(Path.Combine(folder, $"{identity}.pem")), File.ReadAllText(Path.Combine(folder, $"{identity}.key")));
        return new ClusterCredentials(authority, certificate);
    }

    /// <summary>Creates the certificates in <paramref name="folder"/> unless they are there and valid for another week.</summary>
    public static void Ensure(string folder)
    {
        Directory.CreateDirectory(folder);
        if (IsComplete(folder))
        {
            return;
        }

        // Two silos of one AppHost start together: the first creates, the second waits and finds them.
        using var exclusive = Lock(Path.Combine(folder, ".lock"));
        if (!IsComplete(folder))
        {
            Create(folder);
        }
    }

    private static bool IsComplete(string folder)
    {
        var authority = Path.Combine(folder, AuthorityFile);
        if (!File.Exists(authority) || Identities.Keys.Any(name => !File.Exists(Path.Combine(folder, $"{name}.key"))))
        {
            return false;
        }

        using var certificate = X509CertificateLoader.LoadCertificateFromFile(authority);
        return certificate.NotAfter > DateTime.Now.AddDays(7);
    }

    private static void Create(string folder)
    {
        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=CallLoop development CA", authorityKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        using var authority = request.CreateSelfSigned(notBefore, notBefore + Lifetime);

        foreach (var (name, roles) in Identities)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var certificate = Issue(authority, key, name, roles, notBefore);
            WriteAtomically(Path.Combine(folder, $"{name}.pem"), certificate.ExportCertificatePem(), secret: false);
            WriteAtomically(Path.Combine(folder, $"{name}.key"), key.ExportPkcs8PrivateKeyPem(), secret: true);
        }

        // Written last: its presence with every key marks the set complete.
        WriteAtomically(Path.Combine(folder, AuthorityFile), authority.ExportCertificatePem(), secret: false);
    }

    /// <summary>A certificate for <paramref name="name"/> with <paramref name="roles"/> as OUs, issued by <paramref name="authority"/>.</summary>
    public static X509Certificate2 Issue(X509Certificate2 authority, ECDsa key, string name, IReadOnlyList<string> roles, DateTimeOffset notBefore)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(roles);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(name);
        foreach (var role in roles)
        {
            subject.AddOrganizationalUnitName(role);
        }

        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([Oid.FromOidValue("1.3.6.1.5.5.7.3.1", OidGroup.EnhancedKeyUsage), Oid.FromOidValue("1.3.6.1.5.5.7.3.2", OidGroup.EnhancedKeyUsage)], critical: false));
        var alternativeNames = new SubjectAlternativeNameBuilder();
        alternativeNames.AddDnsName(name);
        alternativeNames.AddDnsName("localhost");
        request.CertificateExtensions.Add(alternativeNames.Build());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var notAfter = authority.NotAfter < (notBefore + Lifetime).UtcDateTime ? new DateTimeOffset(authority.NotAfter) : notBefore + Lifetime;
        using var issued = request.Create(authority, notBefore, notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }

    private static void WriteAtomically(string path, string text, bool secret)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, text);
        if (secret && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static FileStream Lock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(100);
            }
        }
    }
}
