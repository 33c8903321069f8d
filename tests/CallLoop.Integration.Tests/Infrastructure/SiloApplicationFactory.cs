using CallLoop.Testing;
using CallLoop.Silo.Hosting;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using System.Net.Http.Headers;
using CallLoop.Silo.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;

namespace CallLoop.Integration.Tests.Infrastructure;

/// <summary>The silo host (Orleans on ADO.NET clustering + HTTP API) in-process, on its own database and ports.</summary>
public class SiloApplicationFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected virtual Task<string> CreateDatabaseAsync() => TestDatabases.CreateAsync("http");

    /// <summary>A token signed with the development key, as the silo in Development accepts.</summary>
    public static string TokenFor(string subject, params string[] roles) =>
        TokenIssuer.Issue(
            new SymmetricSecurityKey(Convert.FromBase64String(AuthenticationSettings.DevelopmentSigningKey)),
            subject,
            roles,
            TimeSpan.FromHours(1));

    /// <summary>A client acting as <paramref name="subject"/> with exactly <paramref name="roles"/>; none gives an anonymous client.</summary>
    public HttpClient CreateClientAs(string subject, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = roles.Length == 0 ? null : new AuthenticationHeaderValue("Bearer", TokenFor(subject, roles));
        return client;
    }

    /// <summary>Functional tests act with every role by default; access-control tests narrow it with <see cref="CreateClientAs"/>.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor("test-suite", [.. Roles.All]));
    }

    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ConfigureSettings(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:calloopdb", ConnectionString);
        builder.UseSetting("Orleans:ClusterId", "http-tests");
        builder.UseSetting("Orleans:ServiceId", "http-tests");
        builder.UseSetting("Orleans:Endpoints:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:Endpoints:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("CallLoop:AdvertisedAddress", "127.0.0.1");

        // HTTP tests read projections; publication to live subscribers has tests of its own (Publication/, Deadlines/)
        // and, left on, would make every wait for non-stale projections also wait for it.
        builder.UseSetting(SiloHostingExtensions.PublicationEnabledKey, "false");
    }
}
