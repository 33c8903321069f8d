using CallLoop.Contracts.Connecting;
using Microsoft.AspNetCore.Hosting;

namespace CallLoop.Integration.Tests.Hosting;

/// <summary>
/// Outside Development a silo needs its Orleans certificates; the startup tests give it the development ones by path
/// (as an operator would give real ones), so that the setting under test is the only one missing.
/// </summary>
internal static class ProductionCertificates
{
    public static IWebHostBuilder UseSiloCertificates(this IWebHostBuilder builder)
    {
        var folder = DevelopmentCertificates.DefaultFolder;
        DevelopmentCertificates.Ensure(folder);
        return builder
            .UseSetting($"{ClusterTlsOptions.SectionName}:{nameof(ClusterTlsOptions.CertificateAuthority)}", Path.Combine(folder, "ca.pem"))
            .UseSetting($"{ClusterTlsOptions.SectionName}:{nameof(ClusterTlsOptions.Certificate)}", Path.Combine(folder, $"{ClusterCertificates.SiloRole}.pem"))
            .UseSetting($"{ClusterTlsOptions.SectionName}:{nameof(ClusterTlsOptions.CertificateKey)}", Path.Combine(folder, $"{ClusterCertificates.SiloRole}.key"));
    }
}
