using CallLoop.Grains.Daemon;
using Orleans.Runtime.Placement;

namespace CallLoop.Silo.Daemon;

/// <summary>Activates a daemon shard's grain on the silo the <see cref="DaemonShardLayout"/> gives it among those that run the daemon.</summary>
public sealed class DaemonShardPlacementDirector(DaemonShardLayout layout) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shard = target.GrainIdentity.Key.ToString();
        return Task.FromResult(layout.SiloFor(shard, context.GetCompatibleSilos(target)));
    }
}
