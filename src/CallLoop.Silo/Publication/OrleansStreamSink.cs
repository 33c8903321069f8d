using CallLoop.Contracts.Publication;
using CallLoop.EventStore.Publication;
using CallLoop.EventStore.Telemetry;

namespace CallLoop.Silo.Publication;

/// <summary>
/// Publishes each page on the subjects' Orleans streams: one batch per subject, in sequence order within it, so
/// subscribers see a subject's events in order. Returns once the stream provider has accepted every batch.
/// The Orleans client is resolved on first use: Marten builds this sink with its store, while the host is still
/// constructing hosted services and the silo has not started.
/// </summary>
public sealed class OrleansStreamSink(IServiceProvider services, TimeProvider clock) : ICommittedEventSink
{
    // Subjects are independent streams; a few in flight at once keep a large page from publishing serially.
    private const int SubjectsInFlight = 32;

    public string Name => "orleans-stream";

    public async Task HandleAsync(IReadOnlyList<CommittedSubjectEvent> page, CancellationToken cancellationToken)
    {
        var provider = services.GetRequiredService<IClusterClient>().GetStreamProvider(SubjectEventStream.ProviderName);
        var options = new ParallelOptions { MaxDegreeOfParallelism = SubjectsInFlight, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(page.GroupBy(e => e.SubjectId, StringComparer.Ordinal), options, async (subject, _) =>
        {
            var envelopes = subject.Select(e => new SubjectEventEnvelope(e.SubjectId, e.Sequence, e.Version, e.Type, e.RecordedAt, e.Event)).ToList();
            await provider.GetStream<SubjectEventEnvelope>(StreamId.Create(SubjectEventStream.Namespace, subject.Key)).OnNextBatchAsync(envelopes);
            var now = clock.GetUtcNow();
            foreach (var envelope in envelopes)
            {
                PrivacyMetrics.PublicationLag.Record((now - envelope.RecordedAt).TotalMilliseconds);
            }
        });
    }
}
