using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;

namespace CallLoop.Contracts.Connecting;

public static class ClusterClientTls
{
    /// <summary>
    /// Connects to the gateways over TLS with the client certificate of <see cref="ClusterTlsOptions"/> (in
    /// Development, unless configured, the throwaway certificate of <paramref name="developmentIdentity"/>), accepts
    /// only silos of the cluster's authority, and proves the certificate on every call: the silos act with its roles
    /// and record its common name as the actor.
    /// </summary>
    public static IClientBuilder UseCallLoopTls(this IClientBuilder client, IConfiguration configuration, bool isDevelopment, string developmentIdentity)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(ClusterTlsOptions.SectionName).Get<ClusterTlsOptions>() ?? new ClusterTlsOptions();
        return client.UseCallLoopTls(ClusterCertificates.Load(options, isDevelopment, developmentIdentity));
    }

    public static IClientBuilder UseCallLoopTls(this IClientBuilder client, ClusterCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(credentials);
        client.UseTls(credentials.Certificate, tls =>
            tls.RemoteCertificateValidation = (certificate, _, _) => ClusterCertificates.IsSilo(certificate, credentials.Authority));
        client.Services.AddSingleton(credentials);
        client.Services.TryAddSingleton(TimeProvider.System);
        client.AddOutgoingGrainCallFilter<CallerAssertionFilter>();
        return client;
    }
}
