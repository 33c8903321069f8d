using System.Collections.Concurrent;
using CallLoop.Contracts.Publication;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace CallLoop.Integration.Tests.Publication;

public interface ISubjectEventProbeGrain : IGrainWithStringKey;

/// <summary>
/// A subscriber as a real consumer would write one: implicitly subscribed to the partition streams (one activation
/// per partition, each seeing many subjects) and idempotent by sequence per subject. Silos run in the test process, so what it saw is kept in a static, per subject.
/// </summary>
[ImplicitStreamSubscription(SubjectEventStream.Namespace)]
public sealed class SubjectEventProbeGrain : Grain, ISubjectEventProbeGrain, IStreamSubscriptionObserver
{
    private static readonly SubjectEventDeduplicator Deduplicator = new();

    public static ConcurrentDictionary<string, ConcurrentQueue<SubjectEventEnvelope>> Delivered { get; } = new();

    public static ConcurrentDictionary<string, ConcurrentQueue<(SubjectEventEnvelope Envelope, EnvelopeVerdict Verdict)>> Handled { get; } = new();

    /// <summary>The partition stream (this grain's key) each subject's events arrived on.</summary>
    public static ConcurrentDictionary<string, ConcurrentBag<string>> PartitionsBySubject { get; } = new();

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var partition = this.GetPrimaryKeyString();
        await handleFactory.Create<SubjectEventEnvelope>().ResumeAsync((envelope, _) =>
        {
            PartitionsBySubject.GetOrAdd(envelope.SubjectId, _ => []).Add(partition);
            Delivered.GetOrAdd(envelope.SubjectId, _ => new()).Enqueue(envelope);
            var verdict = Deduplicator.Accept(envelope);
            if (verdict != EnvelopeVerdict.Duplicate)
            {
                Handled.GetOrAdd(envelope.SubjectId, _ => new()).Enqueue((envelope, verdict));
            }

            return Task.CompletedTask;
        });
    }

    public static IReadOnlyList<(SubjectEventEnvelope Envelope, EnvelopeVerdict Verdict)> HandledFor(string subjectId) =>
        Handled.TryGetValue(subjectId, out var handled) ? handled.ToArray() : [];
}
