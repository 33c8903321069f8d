using System.Globalization;
using CallLoop.Contracts.Connecting;
using CallLoop.EventStore.Configuration;
using CallLoop.Silo.Hosting;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace CallLoop.Silo.Seeding;

/// <summary>
/// <c>dotnet run --project src/CallLoop.Silo -- seed --subjects 2000 [--first 1]</c>: an Orleans client that joins the
/// running cluster through its membership table (no HTTP, no silo or gateway port of its own), loads a demo population
/// through the grains and exits: 0 when every subject was seeded or already there, 1 when some failed.
/// </summary>
public static class SeedCommand
{
    public const int DefaultSubjects = 2000;

    /// <summary>Where the AppHost's local PostgreSQL listens (<c>CallLoop:Postgres=Local</c>, the default without Docker).</summary>
    public const string AppHostLocalDatabase = "Host=127.0.0.1;Port=54329;Username=callloop_silo;Database=calloopdb";

    /// <summary>The AppHost's cluster, used when <c>Orleans:ClusterId</c> / <c>Orleans:ServiceId</c> are not set.</summary>
    public const string AppHostClusterId = "callloop";

    public const string AppHostServiceId = "callloop-actors";

    public static bool IsRequested(string[] args) => args is ["seed", ..];

    /// <summary>Runs the seed as a client of the running cluster.</summary>
    public static async Task<SeedOutcome> RunAsync(HostApplicationBuilderSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var args = settings.Args ?? [];
        var first = Option(args, "--first", 1);
        var subjects = Option(args, "--subjects", DefaultSubjects);

        using var host = BuildClient(settings);
        await host.StartAsync(cancellationToken);
        try
        {
            var population = ActivatorUtilities.CreateInstance<DemoPopulation>(host.Services);
            return await population.SeedAsync(first, subjects, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>An Orleans client and a Marten store (for the recipient registry) on the cluster's database.</summary>
    public static IHost BuildClient(HostApplicationBuilderSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(settings);
        var connectionKey = $"ConnectionStrings:{SiloHostingExtensions.DatabaseConnectionName}";
        if (string.IsNullOrWhiteSpace(builder.Configuration[connectionKey]) && builder.Environment.IsDevelopment())
        {
            builder.Configuration.AddInMemoryCollection([KeyValuePair.Create(connectionKey, (string?)AppHostLocalDatabase)]);
        }

        builder.AddServiceDefaults();
        builder.AddNpgsqlDataSource(SiloHostingExtensions.DatabaseConnectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMarten(PrivacyEventStoreExtensions.ConfigureStore).UseNpgsqlDataSource().UseLightweightSessions();
        var clusterId = builder.Configuration["Orleans:ClusterId"] ?? AppHostClusterId;
        var serviceId = builder.Configuration["Orleans:ServiceId"] ?? AppHostServiceId;
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, serviceId));
            client.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringClientOptions> o) =>
                o.PostConfigure<NpgsqlDataSource>((options, dataSource) =>
                    (options.Invariant, options.DataSource, options.ConnectionString) = (SiloHostingExtensions.Invariant, dataSource, null)));

            // Records and answers requests, so its certificate carries both roles (Development: the throwaway "seed").
            client.UseCallLoopTls(builder.Configuration, builder.Environment.IsDevelopment(), developmentIdentity: "seed");
        });
        return builder.Build();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return fallback;
        }

        return index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new ArgumentException($"{name} takes a positive whole number.", nameof(args));
    }
}
