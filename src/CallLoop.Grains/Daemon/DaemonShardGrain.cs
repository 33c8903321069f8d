using CallLoop.Contracts.Daemon;
using CallLoop.EventStore.Daemon;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Placement;

namespace CallLoop.Grains.Daemon;

/// <summary>
/// Runs one daemon shard in the silo it is placed on (<see cref="DaemonShardPlacement"/>), through that silo's
/// <see cref="DaemonShards"/>: the shard's advisory lock fences it, so a second activation (one on a silo the cluster
/// has wrongly declared dead) waits instead of running it twice. Kept alive while the shard runs; a timer checks the
/// lock connection and stops the shard the moment it breaks.
/// </summary>
[DaemonShardPlacement]
[KeepAlive]
public sealed class DaemonShardGrain(DaemonShards shards, IOptions<DaemonShardOptions> options, TimeProvider clock, ILogger<DaemonShardGrain> logger)
    : Grain, IDaemonShardGrain
{
    private IGrainTimer? fenceCheck;
    private DateTimeOffset? since;
    private DateTimeOffset? waitingSince;

    private string Shard => this.GetPrimaryKeyString();

    public async Task<DaemonShardStatus> EnsureRunningAsync()
    {
        if (since is not null && await shards.HoldsAsync(Shard, CancellationToken.None))
        {
            return Status();
        }

        since = null;
        if (await shards.TryRunAsync(Shard, CancellationToken.None))
        {
            (since, waitingSince) = (clock.GetUtcNow(), null);
            fenceCheck ??= this.RegisterGrainTimer(CheckFenceAsync, options.Value.FenceCheckPeriod, options.Value.FenceCheckPeriod);
        }
        else
        {
            waitingSince ??= clock.GetUtcNow();
        }

        return Status();
    }

    public Task<DaemonShardStatus> GetStatusAsync() => Task.FromResult(Status());

    public async Task HandOverAsync(SiloAddress silo)
    {
        if (silo.Equals(GrainContext.Address.SiloAddress))
        {
            return;
        }

        logger.LogInformation("Daemon shard {Shard} handed over to silo {Silo}", Shard, silo);
        await StopHereAsync();

        // Migrated, not deactivated: the directory points at the new silo from the moment this activation leaves, so
        // a silo still caching this address is forwarded there. After a plain deactivation the directory was empty
        // and a call through such a cache activated the shard here again, to be handed over again, round and round.
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        try
        {
            MigrateOnIdle();
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    public async Task<DaemonShardStatus> RebuildAsync()
    {
        if (since is null)
        {
            await EnsureRunningAsync();
        }

        await shards.RebuildAsync(Shard, CancellationToken.None);
        return Status();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await StopHereAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private async Task CheckFenceAsync(CancellationToken cancellationToken)
    {
        if (since is not null && !await shards.HoldsAsync(Shard, cancellationToken))
        {
            since = null;
        }
    }

    private async Task StopHereAsync()
    {
        fenceCheck?.Dispose();
        fenceCheck = null;
        since = null;
        await shards.StopAsync(Shard);
    }

    private DaemonShardStatus Status() => new()
    {
        Shard = Shard,
        Silo = GrainContext.Address.SiloAddress!,
        Running = since is not null,
        Since = since,
        WaitingSince = waitingSince,
    };
}
