using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CallLoop.Integration.Tests.Infrastructure;

/// <summary>The silo host (Orleans on ADO.NET clustering + HTTP API) in-process, on its own database and ports.</summary>
public sealed class SiloApplicationFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabases.CreateAsync("http");
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:calloopdb", ConnectionString);
        builder.UseSetting("Orleans:ClusterId", "http-tests");
        builder.UseSetting("Orleans:ServiceId", "http-tests");
        builder.UseSetting("Orleans:Endpoints:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:Endpoints:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("CallLoop:AdvertisedAddress", "127.0.0.1");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
