using CallLoop.EventStore.Projections;
using CallLoop.EventStore.Publication;
using JasperFx;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CallLoop.EventStore.Daemon;

/// <summary>
/// This silo's part of Marten's async daemon: one projection daemon built from the store, whose shards (each async
/// projection and the publication subscription) are started and stopped one at a time by whoever leads them (the
/// shard's grain). A shard runs here only while this silo holds the shard's PostgreSQL advisory lock, on a connection
/// of the shared data source kept open for as long as the shard runs: two silos can never run the same shard, and a
/// silo that dies (its connections with it) frees its shards at once.
/// </summary>
public sealed class DaemonShards(IDocumentStore store, NpgsqlDataSource dataSource, ILogger<DaemonShards> logger) : IAsyncDisposable
{
    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromMinutes(10);
    private const int ProbeTimeoutSeconds = 5;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, RunningShard> running = new(StringComparer.Ordinal);
    private IProjectionDaemon? daemon;
    private bool disposed;

    /// <summary>Every shard, in a fixed order (placement spreads them by their position in it).</summary>
    public static IReadOnlyList<string> Names(bool publish) =>
        [.. ProjectionNames.Async.Select(ShardOf), .. publish ? [ShardOf(SubjectEventPublication.SubscriptionName)] : Array.Empty<string>()];

    /// <summary>The shard of a projection or subscription (Marten runs each of ours unsharded: "name:All").</summary>
    public static string ShardOf(string projectionOrSubscription) => $"{projectionOrSubscription}:All";

    /// <summary>The shards running in this silo.</summary>
    public IReadOnlyCollection<string> Running
    {
        get
        {
            lock (running)
            {
                return [.. running.Keys];
            }
        }
    }

    /// <summary>Starts the shard here if this silo can take its lock; false when another silo still holds it.</summary>
    public async Task<bool> TryRunAsync(string shard, CancellationToken cancellationToken)
    {
        var name = Parse(shard);
        await gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (IsRunning(shard))
            {
                return true;
            }

            var fence = await FenceConnection.OpenAsync(dataSource, cancellationToken);
            try
            {
                await using (var take = new NpgsqlCommand("select pg_try_advisory_lock($1)", fence))
                {
                    take.Parameters.AddWithValue((long)LockIdOf(name));
                    if (await take.ExecuteScalarAsync(cancellationToken) is not true)
                    {
                        await fence.DisposeAsync();
                        return false;
                    }
                }

                daemon ??= await store.BuildProjectionDaemonAsync(logger: logger);
                await daemon.StartAgentAsync(name, cancellationToken);
                lock (running)
                {
                    running[shard] = new RunningShard(name, fence);
                }

                logger.LogInformation("Daemon shard {Shard} started in this silo", shard);
                return true;
            }
            catch
            {
                await fence.DisposeAsync();
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Whether the shard still runs here under its lock. A lock connection that broke (the database restarted, the
    /// network dropped it) means the lock is gone and another silo may take the shard: the shard stops here at once.
    /// </summary>
    public async Task<bool> HoldsAsync(string shard, CancellationToken cancellationToken)
    {
        RunningShard? held;
        lock (running)
        {
            held = running.GetValueOrDefault(shard);
        }

        if (held is null)
        {
            return false;
        }

        // One operation at a time on the lock connection: a probe and the close must never overlap.
        await held.Use.WaitAsync(cancellationToken);
        bool alive;
        try
        {
            lock (running)
            {
                if (!ReferenceEquals(running.GetValueOrDefault(shard), held))
                {
                    return false; // stopped meanwhile
                }
            }

            await using var probe = new NpgsqlCommand("select 1", held.Fence) { CommandTimeout = ProbeTimeoutSeconds };
            await probe.ExecuteScalarAsync(cancellationToken);
            alive = true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning("Daemon shard {Shard} lost its lock connection ({ErrorType}); stopping it in this silo", shard, ex.GetType().Name);
            alive = false;
        }
        finally
        {
            held.Use.Release();
        }

        if (!alive)
        {
            await StopAsync(shard);
        }

        return alive;
    }

    /// <summary>Stops the shard here (its current page finishes first) and releases its lock.</summary>
    public async Task StopAsync(string shard)
    {
        await gate.WaitAsync();
        try
        {
            await StopHeldAsync(shard);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Rebuilds a projection whose shard runs here: the shard stops, replays every event, and runs on.</summary>
    public async Task RebuildAsync(string shard, CancellationToken cancellationToken)
    {
        var name = Parse(shard);
        await gate.WaitAsync(cancellationToken);
        try
        {
            RunningShard? held;
            lock (running)
            {
                held = running.GetValueOrDefault(shard);
            }

            if (held is null || daemon is null)
            {
                throw new InvalidOperationException($"The shard {shard} does not run in this silo.");
            }

            await daemon.StopAgentAsync(name);
            try
            {
                await daemon.RebuildProjectionAsync(name.Name, RebuildTimeout, cancellationToken);
            }
            finally
            {
                if (daemon.CurrentAgents().All(a => a.Name.Identity != shard || a.Status != AgentStatus.Running))
                {
                    await daemon.StartAgentAsync(name, CancellationToken.None);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            disposed = true;
            foreach (var shard in Running)
            {
                await StopHeldAsync(shard);
            }

            daemon?.Dispose();
            daemon = null;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task StopHeldAsync(string shard)
    {
        RunningShard? held;
        lock (running)
        {
            if (!running.Remove(shard, out held))
            {
                return;
            }
        }

        try
        {
            if (daemon is not null)
            {
                await daemon.StopAgentAsync(held.Name);
            }
        }
        finally
        {
            // Closing the connection releases the session's advisory lock, whatever state the connection is in.
            await held.Use.WaitAsync();
            try
            {
                await held.Fence.DisposeAsync();
            }
            finally
            {
                held.Use.Release();
            }

            logger.LogInformation("Daemon shard {Shard} stopped in this silo", shard);
        }
    }

    private bool IsRunning(string shard)
    {
        lock (running)
        {
            return running.ContainsKey(shard);
        }
    }

    /// <summary>The shard's advisory lock id: the one Marten's own hot/cold distribution uses, so its gap detection knows these sessions.</summary>
    public int LockIdOf(string shard) => LockIdOf(Parse(shard));

    private int LockIdOf(ShardName name)
    {
        var options = ((DocumentStore)store).Options;
        return ProjectionLockIds.Compute(options.Events.DatabaseSchemaName, name, options.Projections.DaemonLockId);
    }

    private static ShardName Parse(string shard) =>
        ShardName.TryParse(shard, out var name) && name is not null
            ? name
            : throw new ArgumentOutOfRangeException(nameof(shard), shard, "Not a shard name of the form 'name:All'.");

    private sealed record RunningShard(ShardName Name, NpgsqlConnection Fence)
    {
        public SemaphoreSlim Use { get; } = new(1, 1);
    }
}
