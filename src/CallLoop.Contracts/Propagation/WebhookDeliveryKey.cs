namespace CallLoop.Contracts.Propagation;

/// <summary>"subjectId/deliveryId": neither contains '/', so the key splits back unambiguously.</summary>
public static class WebhookDeliveryKey
{
    public static string Of(string subjectId, string deliveryId) => $"{subjectId}/{deliveryId}";

    public static (string SubjectId, string DeliveryId) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? (key[..slash], key[(slash + 1)..]) : throw new ArgumentException("Not a webhook delivery key.", nameof(key));
    }
}
