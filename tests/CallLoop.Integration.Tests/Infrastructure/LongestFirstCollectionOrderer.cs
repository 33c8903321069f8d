using Xunit.Abstractions;

[assembly: TestCollectionOrderer(CallLoop.Integration.Tests.Infrastructure.LongestFirstCollectionOrderer.TypeName, "CallLoop.Integration.Tests")]

namespace CallLoop.Integration.Tests.Infrastructure;

/// <summary>
/// Starts the collections that take longest first (xunit.runner.json runs three at a time): a long collection started
/// last would keep the run going alone after the others have finished. The rest follow in name order.
/// A new collection that takes more than half a minute belongs in <see cref="Longest"/>, by how long it takes.
/// </summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    public const string TypeName = "CallLoop.Integration.Tests.Infrastructure.LongestFirstCollectionOrderer";

    /// <summary>Collection names, or the test class of a class without a collection, longest first.</summary>
    private static readonly string[] Longest =
    [
        Reports.ReportsCollection.Name,
        SiloCollection.Name,
        Propagation.PropagationCollection.Name,
        nameof(Faults.SiloCrashTests),
        nameof(Retention.RetentionRestartTests),
        nameof(Publication.Durable.SiloKillPublicationTests),
        ClusterCollection.Name,
        nameof(Hosting.DaemonPlacementTests),
        Publication.PublicationCollection.Name,
        Faults.OutageCollection.Name,
        Incidents.IncidentCollection.Name,
        nameof(Propagation.SigningSecretRotationTests),
        nameof(Erasure.KeyRotationTests),
        nameof(Propagation.DeliveryRestartTests),
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCollection collection)
    {
        // A class without a collection of its own is alone in "Test collection for <namespace>.<class>".
        var name = collection.DisplayName;
        var rank = Array.FindIndex(Longest, n => name == n || name.EndsWith("." + n, StringComparison.Ordinal));
        return rank < 0 ? Longest.Length : rank;
    }
}
