using System.Net;
using System.Net.Sockets;
using CallLoop.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;

namespace CallLoop.Orleans.PostgreSql.Tests;

/// <summary>
/// Real silos (generic host + UseOrleans) on 127.0.0.1 sharing one fresh PostgreSQL database through
/// Orleans' ADO.NET providers, plus an optional external client that finds them through the gateway list.
/// Option properties used: clustering (silo) and reminders via <c>ConnectionString</c>; grain storage and
/// clustering (client) and ADO.NET streams (<see cref="StreamProviderName"/>, silos and client) via <c>DataSource</c>,
/// so both ways of configuring the providers are exercised.
/// </summary>
public sealed class OrleansPostgresCluster : IAsyncDisposable
{
    public const string Invariant = "Npgsql";
    public const string StorageName = "store";
    public const string StreamProviderName = "stream";

    private readonly List<IHost> silos = [];
    private IHost? clientHost;

    private OrleansPostgresCluster(string connectionString, string clusterId, string serviceId)
    {
        ConnectionString = connectionString;
        ClusterId = clusterId;
        ServiceId = serviceId;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public string ClusterId { get; }

    public string ServiceId { get; }

    public NpgsqlDataSource DataSource { get; }

    public IReadOnlyList<IHost> Silos => silos;

    public IReadOnlyList<(int SiloPort, int GatewayPort)> Endpoints { get; private set; } = [];

    public IClusterClient Client => clientHost?.Services.GetRequiredService<IClusterClient>()
        ?? throw new InvalidOperationException("the cluster was started without a client");

    public IServiceProvider ClientServices => clientHost?.Services
        ?? throw new InvalidOperationException("the cluster was started without a client");

    /// <summary>Creates a database, installs the Orleans schema and starts the silos (and a client).</summary>
    public static async Task<OrleansPostgresCluster> StartAsync(string databasePrefix, int siloCount, bool withClient)
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync(databasePrefix);
        await OrleansPostgresSchema.ApplyAsync(connectionString);

        var id = Guid.NewGuid().ToString("N")[..8];
        var cluster = new OrleansPostgresCluster(connectionString, $"cluster-{id}", $"service-{id}");
        try
        {
            cluster.Endpoints = Enumerable.Range(0, siloCount).Select(_ => (FreePorts.Next(), FreePorts.Next())).ToArray();

            // The first silo creates the deployment's version row; the others then join together.
            cluster.silos.Add(await cluster.StartSiloAsync(0));
            cluster.silos.AddRange(await Task.WhenAll(Enumerable.Range(1, siloCount - 1).Select(cluster.StartSiloAsync)));

            if (withClient)
            {
                cluster.clientHost = await cluster.StartClientAsync();
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        if (clientHost is not null)
        {
            await StopQuietly(clientHost, timeout.Token);
        }

        await Task.WhenAll(silos.Select(s => StopQuietly(s, timeout.Token)));
        await DataSource.DisposeAsync();
    }

    private async Task<IHost> StartSiloAsync(int index)
    {
        var (siloPort, gatewayPort) = Endpoints[index];
        var host = CreateHostBuilder()
            .UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterId;
                    o.ServiceId = ServiceId;
                });
                silo.Configure<SiloOptions>(o => o.SiloName = $"silo-{index}");
                silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false);
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = ConnectionString;
                });
                silo.AddAdoNetGrainStorage(StorageName, o =>
                {
                    o.Invariant = Invariant;
                    o.DataSource = DataSource;
                });
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = ConnectionString;
                });
                silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
                silo.AddAdoNetGrainStorage("PubSubStore", o =>
                {
                    o.Invariant = Invariant;
                    o.DataSource = DataSource;
                });
                silo.AddAdoNetStreams(StreamProviderName, o =>
                {
                    o.Invariant = Invariant;
                    o.DataSource = DataSource;
                });
            })
            .Build();
        await host.StartAsync();
        return host;
    }

    private async Task<IHost> StartClientAsync()
    {
        var host = CreateHostBuilder()
            .UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterId;
                    o.ServiceId = ServiceId;
                });
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = Invariant;
                    o.DataSource = DataSource;
                });
                client.AddAdoNetStreams(StreamProviderName, o =>
                {
                    o.Invariant = Invariant;
                    o.DataSource = DataSource;
                });
            })
            .Build();
        await host.StartAsync();
        return host;
    }

    private static IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureHostConfiguration(c => c.AddInMemoryCollection(
                [new KeyValuePair<string, string?>("hostBuilder:reloadConfigOnChange", "false")]))
            .ConfigureServices(s => s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15)))
            .ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.SetMinimumLevel(LogLevel.Warning);
                if (Environment.GetEnvironmentVariable("CALLLOOP_TEST_ORLEANS_LOG") is { Length: > 0 })
                {
                    logging.AddConsole();
                }
            });

    private static async Task StopQuietly(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.StopAsync(cancellationToken);
        }
        catch (Exception)
        {
            // best effort: the test has already decided its outcome
        }
        finally
        {
            host.Dispose();
        }
    }

}

internal static class Wait
{
    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:0.#} s waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }
}
