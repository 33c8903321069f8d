using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CallLoop.Silo.Http;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies listed in <see cref="Section"/> (addresses
/// or CIDR networks). The rate limit and the audit see the caller's address; a header anyone can send must not choose
/// it. With no proxy listed nothing is forwarded, even when ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (which, left
/// alone, trusts every sender).
/// </summary>
internal static class TrustedProxies
{
    public const string Section = "CallLoop:Http:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var networks = (configuration.GetSection(Section).Get<string[]>() ?? []).Select(Network).ToArray();
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }

            options.ForwardedHeaders = networks.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        return services;
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IConfiguration configuration) =>
        configuration.GetSection(Section).Get<string[]>() is { Length: > 0 } ? app.UseForwardedHeaders() : app;

    private static System.Net.IPNetwork Network(string text) =>
        System.Net.IPNetwork.TryParse(text, out var network) ? network
        : IPAddress.TryParse(text, out var address) ? new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
        : throw new InvalidOperationException($"{Section} must hold IP addresses or CIDR networks.");
}
