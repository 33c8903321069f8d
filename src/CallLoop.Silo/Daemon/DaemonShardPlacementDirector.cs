using CallLoop.Grains.Daemon;
using Orleans.Runtime.Placement;

namespace CallLoop.Silo.Daemon;

/// <summary>
/// Activates a daemon shard's grain on the silo the <see cref="DaemonShardLayout"/> gives it among those that run the
/// daemon; a shard handed over migrates to the silo named in its placement hint (the keeper's layout of that moment).
/// </summary>
public sealed class DaemonShardPlacementDirector(DaemonShardLayout layout) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shard = target.GrainIdentity.Key.ToString();
        var silos = context.GetCompatibleSilos(target);
        return Task.FromResult(IPlacementDirector.GetPlacementHint(target.RequestContextData, silos) ?? layout.SiloFor(shard, silos));
    }
}
