namespace CallLoop.Contracts.Propagation;

/// <summary>
/// Sends one webhook to one processor (key: <see cref="WebhookDeliveryKey"/>) and retries it with exponential
/// backoff until it is delivered or dead-lettered. Its state is the subject's stream (every attempt is recorded
/// there), and a reminder wakes it after a silo restart, so a delivery is never forgotten and, once delivered,
/// never sent again. Starting twice is harmless.
/// </summary>
public interface IWebhookDeliveryGrain : IGrainWithStringKey
{
    Task StartAsync();

    /// <summary>
    /// After an admin's re-send is committed: attempt now, even if a retry is already waiting on its backoff. An
    /// attempt reads the delivery's record first, so a repeated call never sends a settled delivery.
    /// </summary>
    Task RetryNowAsync();
}
