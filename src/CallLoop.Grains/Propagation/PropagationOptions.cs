namespace CallLoop.Grains.Propagation;

/// <summary>Configuration section "CallLoop:Propagation": webhooks to processors.</summary>
public sealed class PropagationOptions
{
    public const string Section = "CallLoop:Propagation";

    /// <summary>A fulfilled delete request completes only once every affected processor has acknowledged the erasure.</summary>
    public bool DeleteRequiresAcknowledgements { get; set; }

    /// <summary>Attempts per delivery before it is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long one attempt waits for the processor's answer.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Period of the reminder that keeps a pending delivery alive across silo restarts (at least Orleans' minimum
    /// reminder period, 1 minute by default). Retries within a process run on timers.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Networks (CIDR, e.g. "10.20.0.0/16" or "127.0.0.1/32") a webhook may reach although they are loopback, private,
    /// link-local or otherwise internal (<see cref="WebhookAddresses"/>). Empty by default: webhooks go to the public
    /// internet only. For tests and for processors inside a private deployment.
    /// </summary>
    public List<string> AllowedWebhookNetworks { get; set; } = [];

    public TimeSpan RetryDelay(int failedAttempts)
    {
        var ticks = FirstRetryDelay.Ticks * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(ticks, MaxRetryDelay.Ticks));
    }
}
