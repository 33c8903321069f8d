namespace CallLoop.Contracts.Daemon;

/// <summary>
/// Leads one shard of the async daemon (key: the shard's name, e.g. <c>request-records:All</c>): a single activation,
/// placed so that the shards spread over the silos that run the daemon, runs the shard in its silo under the shard's
/// advisory lock. Every such silo calls <see cref="EnsureRunningAsync"/> on every shard every few seconds, so a shard
/// whose silo died is activated, and so run, on another silo as soon as the cluster has declared the first one dead.
/// </summary>
public interface IDaemonShardGrain : IGrainWithStringKey
{
    /// <summary>Starts the shard here unless it runs already; it waits (not running) while another silo still holds its lock.</summary>
    Task<DaemonShardStatus> EnsureRunningAsync();

    /// <summary>Where the shard runs, without starting it.</summary>
    Task<DaemonShardStatus> GetStatusAsync();

    /// <summary>Stops the shard and gives up this activation, unless it is already on <paramref name="silo"/>, so the next call places it anew.</summary>
    Task HandOverAsync(SiloAddress silo);

    /// <summary>Replays every event into the shard's projection, then runs it on (a rebuild takes up to ten minutes).</summary>
    [ResponseTimeout("00:10:00")]
    Task<DaemonShardStatus> RebuildAsync();
}
