using CallLoop.Contracts.Connecting;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace CallLoop.Silo.GrainAccess;

public static class GrainAccessHosting
{
    /// <summary>
    /// The grain API as guarded as the HTTP API. TLS on every Orleans connection with the certificates of
    /// <see cref="ClusterTlsOptions"/> (Development: throwaway ones): silo ports admit only silo certificates, gateways
    /// only client certificates with a role, and this silo dials only silos. Every call is then judged by
    /// <see cref="GrainCallGuard"/>. Outside Development a silo without certificates does not start.
    /// </summary>
    public static ISiloBuilder AddGuardedGrainAccess(this ISiloBuilder silo, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = configuration.GetSection(ClusterTlsOptions.SectionName).Get<ClusterTlsOptions>() ?? new ClusterTlsOptions();
        // Loaded when Orleans first needs them, so that the host's options validation (keys, settings) speaks first.
        var credentials = new Lazy<ClusterCredentials>(() => ClusterCertificates.Load(options, environment.IsDevelopment(), developmentIdentity: ClusterCertificates.SiloRole));

        silo.Configure<SiloConnectionOptions>(connections =>
        {
            connections.ConfigureSiloInboundConnection(connection => connection.UseServerTls(Tls(credentials, ClusterCertificates.IsSilo)));
            connections.ConfigureGatewayInboundConnection(connection => connection.UseServerTls(Tls(credentials, ClusterCertificates.IsClient)));
            connections.ConfigureSiloOutboundConnection(connection => connection.UseClientTls(Tls(credentials, ClusterCertificates.IsSilo)));
        });

        silo.Services.AddSingleton(_ => credentials.Value);
        silo.Services.AddSingleton<InternalCallStamp>();
        silo.Services.AddSingleton<CallerIdentities>();
        silo.AddOutgoingGrainCallFilter<InternalCallStamping>();
        silo.AddIncomingGrainCallFilter<GrainCallGuard>();
        return silo;
    }

    private static TlsOptions Tls(Lazy<ClusterCredentials> credentials, Func<System.Security.Cryptography.X509Certificates.X509Certificate2, System.Security.Cryptography.X509Certificates.X509Certificate2, bool> admits) => new()
    {
        LocalCertificate = credentials.Value.Certificate,
        RemoteCertificateMode = RemoteCertificateMode.RequireCertificate,
        RemoteCertificateValidation = (certificate, _, _) => admits(certificate, credentials.Value.Authority),
    };
}
