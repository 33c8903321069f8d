using CallLoop.Contracts.Daemon;
using CallLoop.EventStore.Daemon;
using CallLoop.Grains.Daemon;
using Microsoft.Extensions.Options;

namespace CallLoop.Silo.Daemon;

/// <summary>
/// In every silo that runs the daemon: every few seconds, and at once when the cluster's membership changes, makes
/// sure each shard's grain is active and running its shard (which activates it on a live silo after its silo died),
/// and hands a shard over to the silo the layout wants when that silo is up (after a silo joined). Stops this
/// silo's shards, and so releases their locks, when the silo stops.
/// </summary>
public sealed class DaemonShardKeeper(
    IGrainFactory grains,
    IClusterMembershipService membership,
    IClusterManifestProvider manifests,
    DaemonShardLayout layout,
    DaemonShards shards,
    IOptions<DaemonShardOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DaemonShardKeeper> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken hostStopping)
    {
        // Stop looking after the shards as soon as the application stops, before the silo's shutdown refuses calls.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(hostStopping, lifetime.ApplicationStopping);
        var stoppingToken = stopping.Token;
        _ = WatchMembershipAsync(stoppingToken);
        var period = options.Value.KeepPeriod;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await KeepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug("Looking after the daemon shards failed ({ErrorType}); trying again", ex.GetType().Name);
            }

            try
            {
                await wake.WaitAsync(period, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await shards.DisposeAsync();
    }

    private async Task KeepAsync(CancellationToken cancellationToken)
    {
        var silos = DaemonSilos();
        if (silos.Count == 0)
        {
            return;
        }

        await Task.WhenAll(layout.Shards.Select(async shard =>
        {
            var grain = grains.GetGrain<IDaemonShardGrain>(shard);
            try
            {
                var status = await grain.EnsureRunningAsync().WaitAsync(options.Value.CallTimeout, cancellationToken);
                var wanted = layout.SiloFor(shard, silos);
                if (!status.Silo.Equals(wanted) && silos.Contains(status.Silo))
                {
                    await grain.HandOverAsync(wanted).WaitAsync(options.Value.CallTimeout, cancellationToken);

                    // Queued behind the migration: runs the shard on its new silo now rather than a round later.
                    await grain.EnsureRunningAsync().WaitAsync(options.Value.CallTimeout, cancellationToken);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Typically the shard's silo just died: its calls time out until the cluster declares it dead.
                logger.LogDebug("Daemon shard {Shard} did not answer ({ErrorType})", shard, ex.GetType().Name);
            }
        }));
    }

    /// <summary>The active silos whose build runs the daemon (the shard grain is absent from the others' manifests).</summary>
    private HashSet<SiloAddress> DaemonSilos()
    {
        var grainType = grains.GetGrain<IDaemonShardGrain>(layout.Shards[0]).GetGrainId().Type;
        var manifest = manifests.Current;
        return membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => m.SiloAddress)
            .Where(s => manifest.Silos.TryGetValue(s, out var silo) && silo.Grains.ContainsKey(grainType))
            .ToHashSet();
    }

    private async Task WatchMembershipAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                wake.Release();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
