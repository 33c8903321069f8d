namespace CallLoop.Contracts.Daemon;

/// <summary>Where a daemon shard runs: the silo of its grain, whether the shard runs there, since when, or since when it waits for its lock.</summary>
[GenerateSerializer, Immutable]
public sealed record DaemonShardStatus
{
    [Id(0)] public required string Shard { get; init; }

    [Id(1)] public required SiloAddress Silo { get; init; }

    /// <summary>False while the shard waits for its lock (the silo that ran it has not let go yet).</summary>
    [Id(2)] public required bool Running { get; init; }

    /// <summary>When the shard started in this silo; null while it waits.</summary>
    [Id(3)] public DateTimeOffset? Since { get; init; }

    /// <summary>Since when the shard has waited for its lock, held by another session (null when it runs or has not tried).</summary>
    [Id(4)] public DateTimeOffset? WaitingSince { get; init; }
}
