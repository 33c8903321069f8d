namespace CallLoop.Contracts.Publication;

/// <summary>
/// Where committed subject events are published: a fixed number of partition streams on the provider
/// <see cref="ProviderName"/>, <c>StreamId.Create(Namespace, PartitionKey(partition))</c>. A subject's events always go
/// to the partition <see cref="PartitionOf"/> names, in sequence order; one queue message carries many subjects'
/// events of one partition. Subscribe implicitly (<c>[ImplicitStreamSubscription(Namespace)]</c>): the subscriber
/// grain's key is the partition key, and it sees every subject of that partition.
/// </summary>
public static class SubjectEventStream
{
    /// <summary>The Orleans stream provider, configured on silos and on clients that subscribe.</summary>
    public const string ProviderName = "subject-events";

    /// <summary>Partition streams; the key of each is <see cref="PartitionKey"/>, not a subject id.</summary>
    public const string Namespace = "subject-partitions";

    /// <summary>Partitions when "CallLoop:Streams:Partitions" does not say otherwise.</summary>
    public const int DefaultPartitions = 16;

    /// <summary>
    /// The partition of a subject: FNV-1a (32-bit) of the subject id's UTF-16 code units, modulo
    /// <paramref name="partitions"/>. Stable across processes and versions (never <c>string.GetHashCode</c>).
    /// </summary>
    public static int PartitionOf(string subjectId, int partitions)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var hash = 2166136261u;
        foreach (var unit in subjectId)
        {
            hash = (hash ^ unit) * 16777619u;
        }

        return (int)(hash % (uint)partitions);
    }

    /// <summary>The stream key of a partition: its number in decimal ("0" to "15" with the default count).</summary>
    public static string PartitionKey(int partition) => partition.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
