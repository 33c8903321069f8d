using CallLoop.EventStore.Appending;
using CallLoop.Orleans.PostgreSql;
using CallLoop.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Net;
using Npgsql;
using Orleans.Configuration;

namespace CallLoop.Benchmarks;

/// <summary>
/// A real silo in this process with the project's own wiring (grain services, PostgreSQL providers), on localhost
/// clustering; the benchmark calls it through the co-hosted Orleans client, as the silo's HTTP API does.
/// </summary>
public sealed class BenchSilo(IHost host) : IAsyncDisposable
{
    /// <summary>The keys every silo of one cluster must share (the phone index's and the master key), fresh for each run.</summary>
    public static BenchKeys Keys { get; set; } = BenchKeys.Create();

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <param name="streams">The subject events' stream provider when publishing: the ADO.NET queue (production's) or in-memory.</param>
    /// <param name="instance">0 for the cluster's first silo (the one the benchmark calls); 1 for a second silo joining it.</param>
    public static async Task<BenchSilo> StartAsync(
        string connectionString, GroupCommitPath path, SiloWork work = SiloWork.WritePathOnly, string streams = SubjectEventStreamsHosting.AdoNetProvider, int instance = 0)
    {
        await OrleansPostgresSchema.ApplyAsync(connectionString);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"{GroupCommitOptions.Section}:{nameof(GroupCommitOptions.Path)}"] = path.ToString();
        builder.Configuration[SubjectEventStreamsHosting.ProviderKey] = streams;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        // Projections and publication run after commit, in the daemon: measured in rows of their own (SiloWork.Production).
        builder.Services.AddCallLoopGrainServices(publish: work == SiloWork.Production, runDaemon: work != SiloWork.WritePathOnly);
        builder.Services.Configure<CallLoop.EventStore.Phones.PhoneIndexOptions>(o => o.Key = Convert.FromBase64String(Keys.PhoneIndexKey));
        builder.Services.Configure<CallLoop.Grains.Keys.EncryptionOptions>(o =>
        {
            o.MasterKeys["bench"] = Keys.MasterKey;
            o.CurrentMasterKeyId = "bench";
        });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: EndpointOptions.DEFAULT_SILO_PORT + instance,
                gatewayPort: EndpointOptions.DEFAULT_GATEWAY_PORT + instance,
                primarySiloEndpoint: new IPEndPoint(IPAddress.Loopback, EndpointOptions.DEFAULT_SILO_PORT));
            silo.AddCallLoopProviders();
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
