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
    private readonly IReadOnlyDictionary<string, string> settings;

    private SiloHost(string connectionString, int port, IReadOnlyDictionary<string, string>? settings)
    {
        ConnectionString = connectionString;
        Port = port;
        this.settings = settings ?? new Dictionary<string, string>();
    }

    public string ConnectionString { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts a silo; <paramref name="settings"/> override the defaults below (e.g. publication, propagation).</summary>
    public static async Task<SiloHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = await PostgresServer.Instance.CreateDatabaseAsync("console");
        var connectionString = new NpgsqlConnectionStringBuilder(database) { Options = "-c synchronous_commit=off" }.ConnectionString;
        var host = new SiloHost(connectionString, FreePorts.Next(), settings);
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
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
