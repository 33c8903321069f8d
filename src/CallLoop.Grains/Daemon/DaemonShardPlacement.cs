using Orleans.Placement;

namespace CallLoop.Grains.Daemon;

/// <summary>
/// Places daemon shards round-robin over the silos that run the daemon, by the shard's position in the fixed list of
/// shards (<see cref="EventStore.Daemon.DaemonShards.Names"/>) and the silos in address order: every silo computes
/// the same layout, and two silos split six shards three and three.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class DaemonShardPlacement : PlacementStrategy
{
    public static DaemonShardPlacement Instance { get; } = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class DaemonShardPlacementAttribute() : PlacementAttribute(DaemonShardPlacement.Instance);
