using System.Net.Http.Headers;
using CallLoop.Silo.Hosting;
using CallLoop.Silo.Security;
using CallLoop.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace CallLoop.Console.Tests.Infrastructure;

/// <summary>A real silo (Orleans + HTTP API on Kestrel) on its own PostgreSQL database, reachable by the console process.</summary>
public sealed class SiloHost : WebApplicationFactory<Program>
{
    private SiloHost(string connectionString, int port)
    {
        ConnectionString = connectionString;
        Port = port;
    }

    public string ConnectionString { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public static async Task<SiloHost> StartAsync()
    {
        var database = await PostgresServer.Instance.CreateDatabaseAsync("console");
        var connectionString = new NpgsqlConnectionStringBuilder(database) { Options = "-c synchronous_commit=off" }.ConnectionString;
        var host = new SiloHost(connectionString, FreePorts.Next());
        host.UseKestrel(host.Port);
        host.StartServer();
        return host;
    }

    /// <summary>A token signed with the development key, as the silo in Development accepts.</summary>
    public static string TokenFor(string subject, params string[] roles) =>
        TokenIssuer.Issue(new SymmetricSecurityKey(Convert.FromBase64String(AuthenticationSettings.DevelopmentSigningKey)), subject, roles, TimeSpan.FromHours(1));

    /// <summary>A client of the silo's HTTP API acting as <paramref name="subject"/> with <paramref name="roles"/>.</summary>
    public HttpClient ClientAs(string subject, params string[] roles) => new()
    {
        BaseAddress = Address,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(subject, roles)) },
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:calloopdb", ConnectionString);
        builder.UseSetting("Orleans:ClusterId", "console-tests");
        builder.UseSetting("Orleans:ServiceId", "console-tests");
        builder.UseSetting("Orleans:Endpoints:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:Endpoints:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("CallLoop:AdvertisedAddress", "127.0.0.1");
        builder.UseSetting(SiloHostingExtensions.PublicationEnabledKey, "false");
    }
}
