using CallLoop.Contracts.Propagation;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Recipients;
using CallLoop.EventStore.Subjects;
using CallLoop.Grains.Keys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallLoop.Grains.Propagation;

/// <summary>
/// One webhook to one processor. Holds no state of its own: before each attempt it reads the delivery's record
/// from the subject's stream (attempts so far, delivered or dead-lettered), so a replayed start, a reminder after
/// a restart or a duplicate activation never sends a settled delivery again. Retries run on a timer; a reminder
/// (<see cref="PropagationOptions.ReminderPeriod"/>) restarts them after the silo that held the timer died.
/// </summary>
public sealed class WebhookDeliveryGrain(
    ISubjectStreams streams,
    RecipientRegistry recipients,
    WebhookSender sender,
    SigningSecretSealer sealer,
    IOptions<PropagationOptions> options,
    TimeProvider clock,
    ILogger<WebhookDeliveryGrain> logger) : Grain, IWebhookDeliveryGrain, IRemindable
{
    public const string ReminderName = "webhook-retry";
    public const string Actor = "webhook-delivery";

    private IGrainTimer? timer;
    private int errors;

    private PropagationOptions Options => options.Value;

    /// <summary>Like <see cref="RetryNowAsync"/>, but leaves an attempt already under way (or waiting on its backoff) alone.</summary>
    public Task StartAsync() => timer is null ? RetryNowAsync() : Task.CompletedTask;

    public async Task RetryNowAsync()
    {
        await this.RegisterOrUpdateReminder(ReminderName, Options.ReminderPeriod, Options.ReminderPeriod);
        Schedule(TimeSpan.Zero);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (timer is null)
        {
            Schedule(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    private void Schedule(TimeSpan after)
    {
        timer?.Dispose();
        timer = this.RegisterGrainTimer(GuardedAttemptAsync, new GrainTimerCreationOptions(after, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    /// <summary>A failure to read or record (database, cluster) is not the processor's: try again later without counting an attempt.</summary>
    private async Task GuardedAttemptAsync(CancellationToken cancellationToken)
    {
        try
        {
            await AttemptAsync(cancellationToken);
            errors = 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            errors++;
            logger.LogWarning("Webhook delivery step failed ({ErrorType}); trying again", ex.GetType().Name);
            Schedule(Options.RetryDelay(errors));
        }
    }

    private async Task AttemptAsync(CancellationToken cancellationToken)
    {
        var (subjectId, deliveryId) = WebhookDeliveryKey.Parse(this.GetPrimaryKeyString());
        var state = await streams.LoadStateAsync(subjectId, cancellationToken);
        if (!state.Propagation.Deliveries.TryGetValue(deliveryId, out var delivery) || delivery.Status != DeliveryStatus.Pending)
        {
            await StopAsync();
            return;
        }

        // After an admin's re-send the retry budget starts afresh, while attempt numbers keep counting.
        var attempt = delivery.Attempts + 1;
        var attemptThisRound = delivery.AttemptsThisRound + 1;
        var (statusCode, failure) = await SendAsync(subjectId, delivery, cancellationToken);
        var last = failure is not null && attemptThisRound >= Options.MaxAttempts;
        var record = new RecordDeliveryAttempt { SubjectId = subjectId, DeliveryId = deliveryId, Attempt = attempt, StatusCode = statusCode, Failure = failure, LastAttempt = last };
        await GrainFactory.GetGrain<IDataSubjectGrain>(subjectId).ExecuteAsync(record, Actor);

        if (failure is null || last)
        {
            logger.LogInformation("Webhook delivery {DeliveryId} settled after {Attempts} attempt(s): {Outcome}", deliveryId, attempt, failure is null ? "delivered" : "dead-lettered");
            await StopAsync();
            return;
        }

        logger.LogWarning("Webhook delivery {DeliveryId} attempt {Attempt} failed ({Failure}); retrying", deliveryId, attempt, failure);
        Schedule(Options.RetryDelay(attemptThisRound));
    }

    private async Task<(int? StatusCode, string? Failure)> SendAsync(string subjectId, DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        var processor = await recipients.FindAsync(delivery.Processor, cancellationToken);
        if (processor is not { IsProcessor: true } || !Uri.TryCreate(processor.WebhookUrl, UriKind.Absolute, out var url))
        {
            return (null, "processor-not-registered");
        }

        var body = WebhookPayload.For(subjectId, delivery, clock.GetUtcNow()).ToUtf8Json();
        // A secret that does not open (its master key no longer configured) is the operator's failure, not the
        // processor's: it throws, so the attempt is not counted and is tried again later.
        var secret = sealer.Open(processor.Id, processor.SigningSecret!);
        return await sender.SendAsync(url, secret, delivery.DeliveryId, body, Options.AttemptTimeout);
    }

    private async Task StopAsync()
    {
        timer?.Dispose();
        timer = null;
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        this.DeactivateOnIdle();
    }
}
