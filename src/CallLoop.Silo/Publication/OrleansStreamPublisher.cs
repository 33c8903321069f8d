using CallLoop.Contracts.Publication;
using CallLoop.EventStore.Publication;
using CallLoop.EventStore.Telemetry;
using CallLoop.Silo.Hosting;

namespace CallLoop.Silo.Publication;

/// <summary>
/// Publishes each page on the partition streams (<see cref="SubjectEventStream"/>): one batch per partition holding
/// its subjects' events in sequence order, so one queue message carries many subjects' events and subscribers still
/// see each subject's events in order (a subject always maps to the same partition, and the next page is published
/// only after this one was accepted). Returns once the stream provider has accepted every batch.
/// The Orleans client is resolved on first use: Marten builds this reactor with its store, while the host is still
/// constructing hosted services and the silo has not started.
/// </summary>
public sealed class OrleansStreamPublisher(IServiceProvider services, IConfiguration configuration, TimeProvider clock) : ICommittedEventReactor
{
    // Partitions are independent streams; a few in flight at once keep a large page from publishing serially.
    private const int PartitionsInFlight = 16;

    private readonly int partitions = SubjectEventStreamsHosting.Partitions(configuration);

    public string Name => "orleans-stream";

    public async Task HandleAsync(IReadOnlyList<CommittedSubjectEvent> page, CancellationToken cancellationToken)
    {
        var provider = services.GetRequiredService<IClusterClient>().GetStreamProvider(SubjectEventStream.ProviderName);
        var options = new ParallelOptions { MaxDegreeOfParallelism = PartitionsInFlight, CancellationToken = cancellationToken };
        var byPartition = page.GroupBy(e => SubjectEventStream.PartitionOf(e.SubjectId, partitions));
        await Parallel.ForEachAsync(byPartition, options, async (partition, _) =>
        {
            var envelopes = partition.Select(e => new SubjectEventEnvelope(e.SubjectId, e.Sequence, e.Version, e.Type, e.RecordedAt, e.Event)).ToList();
            var stream = provider.GetStream<SubjectEventEnvelope>(StreamId.Create(SubjectEventStream.Namespace, SubjectEventStream.PartitionKey(partition.Key)));
            await stream.OnNextBatchAsync(envelopes);
            var now = clock.GetUtcNow();
            foreach (var envelope in envelopes)
            {
                PrivacyMetrics.PublicationLag.Record((now - envelope.RecordedAt).TotalMilliseconds);
            }
        });
    }
}
