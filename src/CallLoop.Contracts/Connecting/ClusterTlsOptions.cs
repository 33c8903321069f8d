namespace CallLoop.Contracts.Connecting;

/// <summary>
/// <c>CallLoop:Orleans:Tls</c>: the cluster's certificate authority and this process's certificate. Each value is
/// PEM text or the path of a PEM file. Silos hold a certificate whose organisational unit (OU) is <c>silo</c>;
/// clients hold one whose OUs are their roles (<c>service</c>, <c>privacy-officer</c>, <c>admin</c>), and its common
/// name (CN) is the actor recorded on the events they cause. In Development, when nothing is configured, throwaway
/// certificates are created in <see cref="DevelopmentFolder"/> (default <see cref="DevelopmentCertificates.DefaultFolder"/>).
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string SectionName = "CallLoop:Orleans:Tls";

    /// <summary>The certificate authority that issues every silo and client certificate (certificate only, no key).</summary>
    public string? CertificateAuthority { get; set; }

    public string? Certificate { get; set; }

    public string? CertificateKey { get; set; }

    public string? DevelopmentFolder { get; set; }
}
