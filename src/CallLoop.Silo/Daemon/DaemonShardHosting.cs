using CallLoop.EventStore.Daemon;
using CallLoop.Grains.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CallLoop.Silo.Daemon;

public static class DaemonShardHosting
{
    /// <summary>
    /// The daemon spread over the cluster: every silo knows the shard layout and places shard grains by it; a silo
    /// that runs the daemon hosts shard grains, runs their shards in its one projection daemon and keeps every shard
    /// running somewhere; a silo that does not leaves the shard grain out of its manifest, so none is placed on it.
    /// </summary>
    public static IServiceCollection AddDaemonShards(this IServiceCollection services, bool publish, bool runDaemon)
    {
        services.TryAddSingleton(new DaemonShardLayout(DaemonShards.Names(publish)));
        services.AddPlacementDirector<DaemonShardPlacement, DaemonShardPlacementDirector>();
        services.AddOptions<DaemonShardOptions>()
            .BindConfiguration(DaemonShardOptions.Section)
            .Validate(o => o.IsValid(), DaemonShardOptions.PollPeriodRule)
            .ValidateOnStart();
        services.ConfigureMarten((provider, store) =>
        {
            var poll = provider.GetRequiredService<IOptions<DaemonShardOptions>>().Value.PollPeriod;
            (store.Projections.FastPollingTime, store.Projections.SlowPollingTime) = (poll, poll);
        });
        if (runDaemon)
        {
            services.TryAddSingleton<DaemonShards>();
            services.AddHostedService<DaemonShardKeeper>();
        }
        else
        {
            services.PostConfigure<GrainTypeOptions>(o => o.Classes.Remove(typeof(DaemonShardGrain)));
        }

        return services;
    }
}
