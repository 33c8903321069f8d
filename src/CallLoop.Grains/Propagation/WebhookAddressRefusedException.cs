namespace CallLoop.Grains.Propagation;

/// <summary>A webhook's host resolved only to addresses <see cref="WebhookAddresses"/> refuses; no connection was made.</summary>
public sealed class WebhookAddressRefusedException : Exception
{
    public WebhookAddressRefusedException()
        : base("The webhook's host resolves only to internal addresses that are not allowed (CallLoop:Propagation:AllowedWebhookNetworks).")
    {
    }

    public WebhookAddressRefusedException(string message)
        : base(message)
    {
    }

    public WebhookAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
