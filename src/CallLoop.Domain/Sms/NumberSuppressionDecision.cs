namespace CallLoop.Domain;

/// <summary>What an inbound text does to its number's suppression; null when nothing changes.</summary>
public static class NumberSuppressionDecision
{
    /// <summary>How many idempotency keys a suppression remembers.</summary>
    public const int RememberedKeys = 20;

    /// <param name="current">The number's suppression, in force or lifted; null when it never texted a revocation.</param>
    /// <param name="classification">The inbound text's meaning.</param>
    /// <param name="now">When the text arrived.</param>
    /// <param name="textKey">The text's idempotency key (the provider's message id), if any.</param>
    public static NumberSuppression? Decide(NumberSuppression? current, InboundTextClassification classification, DateTimeOffset now, string? textKey = null)
    {
        ArgumentNullException.ThrowIfNull(classification);
        if (textKey is not null && current is not null && current.TextKeys.Contains(textKey))
        {
            return null;
        }

        var next = classification.Kind switch
        {
            // A repeated STOP keeps the first date: it is the one that binds consents given before it.
            InboundTextKind.Revocation when current is not { InForce: true } =>
                new NumberSuppression { SuppressedAt = now, Reason = classification.Reason, TextKeys = current?.TextKeys ?? [] },
            InboundTextKind.OptIn when current is { InForce: true } => current with { LiftedAt = now },
            _ => null,
        };

        return next is null || textKey is null
            ? next
            : next with { TextKeys = next.TextKeys.Add(textKey).TakeLast(RememberedKeys).ToImmutableList() };
    }
}
