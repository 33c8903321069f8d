namespace CallLoop.EventStore.Projections;

/// <summary>Stable projection names: the daemon's progress rows and the rebuild endpoint use them.</summary>
public static class ProjectionNames
{
    public const string RequestRecords = "request-records";

    public const string StateCategoryFacts = "state-category-facts";

    public const string ConsentLedger = "consent-ledger";

    public const string DeliveryQueue = "delivery-queue";

    /// <summary>Residency history and erasures, for breach assessments.</summary>
    public const string ExposureFacts = "exposure-facts";

    /// <summary>Projections run by the async daemon (and so can be rebuilt).</summary>
    public static IReadOnlyList<string> Async { get; } = [RequestRecords, StateCategoryFacts, ConsentLedger, DeliveryQueue, ExposureFacts];

    /// <summary>Projections updated in the same transaction as the append (none: see PrivacyProjections).</summary>
    public static IReadOnlyList<string> Inline { get; } = [];
}
