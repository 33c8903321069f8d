using System.Globalization;
using CallLoop.Integration.Tests.Faults;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Publication.Durable;
using CallLoop.Orleans.PostgreSql;
using CallLoop.Silo.Hosting;
using CallLoop.Testing;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Integration.Tests.Daemon;

/// <summary>
/// The daemon as production runs it: two real silo processes (the built CallLoop.Silo host, as the AppHost starts its
/// replicas) on one database, with the production defaults (membership timing, shard keeping, durable publication on
/// the ADO.NET queue), and, in this process, a third silo of the cluster that runs no daemon but hosts the durable
/// subscriber of the partition streams (<see cref="DurableSubscriberGrain"/>: a consumer service's silo), which
/// records its effects in the database. Stream batches held by a dead silo come back after five seconds. Membership
/// settings given as environment variables (<c>CallLoop__Membership__ProbeTimeout</c>, ...) reach all three silos.
/// Dedicated to one test class, since its test kills a process.
/// </summary>
public sealed class DaemonProcessClusterFixture : IAsyncLifetime
{
    private Subscriber subscriber = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The daemon silo that stays; commands are sent to its HTTP API.</summary>
    internal DaemonProcess Survivor { get; private set; } = null!;

    /// <summary>The daemon silo the test kills.</summary>
    internal DaemonProcess Victim { get; private set; } = null!;

    /// <summary>The subscriber silo's HTTP API with every role (it outlives the kill: the shards are read there).</summary>
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabases.CreateAsync("daemon_processes");
        await OrleansPostgresSchema.ApplyAsync(ConnectionString);
        await SubscriberLedger.CreateAsync(ConnectionString);
        var settings = new Dictionary<string, string>
        {
            ["Orleans:ClusterId"] = $"processes-{Guid.NewGuid():N}"[..24],
            ["Orleans:ServiceId"] = "daemon-processes",
            [SubjectEventStreamsHosting.VisibilityTimeoutKey] = DurableStreamClusterFixture.VisibilityTimeout,
            ["CallLoop:RateLimit:PermitsPerSecond"] = "100000",
        };

        // The subscriber's silo first: it installs the event store's schema, which the two processes then find in place.
        subscriber = new Subscriber(ConnectionString, settings);
        await ((IAsyncLifetime)subscriber).InitializeAsync();
        Admin = subscriber.CreateClient();
        var starting = new[] { DaemonProcess.StartAsync(ConnectionString, settings), DaemonProcess.StartAsync(ConnectionString, settings) };
        try
        {
            (Survivor, Victim) = (await starting[0], await starting[1]);
        }
        catch
        {
            // One failed to start: end the other too, if it did.
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.Silo.DisposeAsync();
            }

            await subscriber.DisposeAsync();
            throw;
        }
    }

    /// <summary>The shards' advisory lock ids, as every daemon silo computes them from the store (Marten's per-shard ids).</summary>
    public long[] LockIdsOf(IEnumerable<string> shards)
    {
        var options = ((DocumentStore)subscriber.Services.GetRequiredService<IDocumentStore>()).Options;
        return shards
            .Select(shard => ShardName.TryParse(shard, out var name) && name is not null
                ? (long)ProjectionLockIds.Compute(options.Events.DatabaseSchemaName, name, options.Projections.DaemonLockId)
                : throw new ArgumentOutOfRangeException(nameof(shards), shard, "Not a shard name."))
            .ToArray();
    }

    public async Task DisposeAsync()
    {
        await Victim.Silo.DisposeAsync();
        await Survivor.Silo.DisposeAsync();
        await subscriber.DisposeAsync();
    }

    /// <summary>A silo process and its silo port, which names it in the cluster (its silo address reads "S127.0.0.1:port:generation").</summary>
    internal sealed record DaemonProcess(SiloProcess Silo, int SiloPort)
    {
        public static async Task<DaemonProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings)
        {
            var port = FreePorts.Next();
            var silo = await SiloProcess.StartAsync(
                connectionString,
                new Dictionary<string, string>(settings) { ["Orleans:Endpoints:SiloPort"] = port.ToString(CultureInfo.InvariantCulture) });
            return new DaemonProcess(silo, port);
        }

        public bool Runs(string siloAddress) => siloAddress.Contains($":{SiloPort}:", StringComparison.Ordinal);
    }

    private sealed class Subscriber(string connectionString, IReadOnlyDictionary<string, string> settings) : SiloApplicationFactory
    {
        protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            // Publication on, as on the daemon silos, so that all three place the shards by the same layout.
            builder.UseSetting(SiloHostingExtensions.PublicationEnabledKey, "true");
            builder.UseSetting(SiloHostingExtensions.DaemonEnabledKey, "false");

            // The kill makes Orleans warn about the lost connections, at length; errors still show.
            builder.UseSetting("Logging:LogLevel:Orleans", "Error");
            builder.ConfigureServices(services => services.AddSingleton<SubscriberLedger>());
        }
    }
}
