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
            // The period as configured, not validated here: Marten builds the store while the host resolves its hosted
            // services, before ValidateOnStart runs, and a period out of range must fail the start there, with its rule.
            var configured = new OptionsFactory<DaemonShardOptions>(
                provider.GetServices<IConfigureOptions<DaemonShardOptions>>(),
                provider.GetServices<IPostConfigureOptions<DaemonShardOptions>>()).Create(Options.DefaultName);
            (store.Projections.FastPollingTime, store.Projections.SlowPollingTime) = (configured.PollPeriod, configured.PollPeriod);
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
