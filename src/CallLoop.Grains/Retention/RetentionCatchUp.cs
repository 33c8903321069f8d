using CallLoop.Contracts.Retention;
using CallLoop.EventStore.CatchUps;
using Microsoft.Extensions.Logging;

namespace CallLoop.Grains.Retention;

/// <summary>
/// Once per database, in the background once the silo is active: people without an account whose opt-outs were
/// stored before <see cref="Domain.OptedOut.FromNonSubject"/> existed, or whose requests before the retention reactor
/// did, get the retention review that such an event arms now (<see cref="RetentionSchedulingReactor"/>), from their
/// latest one (<see cref="WithoutAccountTraces"/>). The review decides from their whole stream when it fires, as for
/// any other arming, so arming someone again is harmless. A failed or interrupted run leaves no mark and the next
/// start does it again.
/// </summary>
public sealed class RetentionCatchUp(OneTimeCatchUps catchUps, WithoutAccountTraces traces, IGrainFactory grains, ILogger<RetentionCatchUp> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public const string Name = "retention-without-account";

    private const int Parallelism = 16;

    private readonly CancellationTokenSource stopping = new();
    private Task running = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(RetentionCatchUp), ServiceLifecycleStage.Active, StartAsync, StopAsync);
    }

    /// <summary>Arms the review of every such person unless this database had the catch-up; answers how many were armed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var armed = 0;
        await catchUps.RunOnceAsync(
            Name,
            async token =>
            {
                foreach (var batch in (await traces.LatestPerPersonAsync(token)).Chunk(Parallelism))
                {
                    token.ThrowIfCancellationRequested();
                    await Task.WhenAll(batch.Select(p => grains.GetGrain<IRetentionGrain>(p.SubjectId).EventWithoutAccountAsync(p.At)));
                    armed += batch.Length;
                }
            },
            cancellationToken);
        return armed;
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        running = Task.Run(RunInBackgroundAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunInBackgroundAsync()
    {
        try
        {
            var armed = await RunAsync(stopping.Token);
            if (armed > 0)
            {
                logger.LogInformation("Retention armed for {Armed} people without an account from history older than its arming", armed);
            }
        }
        catch (Exception error)
        {
            if (!stopping.IsCancellationRequested)
            {
                // Type only: a database error's message may quote a subject id.
                logger.LogError("Retention catch-up of people without an account failed ({ErrorType}); the next start does it again", error.GetType().Name);
            }
        }
    }
}
