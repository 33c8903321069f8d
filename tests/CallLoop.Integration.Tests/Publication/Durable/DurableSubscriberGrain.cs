using CallLoop.Contracts.Publication;
using CallLoop.Contracts.Subjects;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace CallLoop.Integration.Tests.Publication.Durable;

public interface IDurableSubscriberGrain : IGrainWithStringKey;

/// <summary>
/// A consumer written as a production one should be: implicitly subscribed to the partition streams (one
/// activation per partition, many subjects each), idempotent by sequence per subject through
/// <see cref="SubjectEventDeduplicator"/> seeded from each subject's persisted position, and filling a version gap (a batch still held by a dead silo, or dead-lettered) from the
/// subject's history before moving on, so its effects follow the subject's order exactly once.
/// Inert unless the host registered a <see cref="SubscriberLedger"/> (only the silo-kill cluster does).
/// </summary>
[ImplicitStreamSubscription(SubjectEventStream.Namespace)]
public sealed class DurableSubscriberGrain(IServiceProvider services) : Grain, IDurableSubscriberGrain, IStreamSubscriptionObserver
{
    // A deliberately slow consumer: batches pile up in the pulling agents' caches and queues, so the silo that dies
    // takes undelivered batches with it, which the provider must then deliver from elsewhere.
    private static readonly TimeSpan WorkPerEvent = TimeSpan.FromMilliseconds(100);

    private readonly SubjectEventDeduplicator deduplicator = new();
    private readonly HashSet<string> restored = new(StringComparer.Ordinal);
    private readonly SubscriberLedger? ledger = services.GetService<SubscriberLedger>();

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<SubjectEventEnvelope>().ResumeAsync((envelope, _) => ledger is null ? Task.CompletedTask : HandleAsync(envelope, ledger));

    private async Task HandleAsync(SubjectEventEnvelope envelope, SubscriberLedger store)
    {
        var subjectId = envelope.SubjectId;
        if (restored.Add(subjectId) && await store.ReadPositionAsync(subjectId) is { } position)
        {
            deduplicator.Restore(subjectId, position.Sequence, position.Version);
        }

        await Task.Delay(WorkPerEvent);
        for (var attempt = 0; ; attempt++)
        {
            var (fromSequence, fromVersion) = (deduplicator.LastSequence(subjectId), deduplicator.LastVersion(subjectId));
            var verdict = deduplicator.Accept(envelope);
            if (verdict == EnvelopeVerdict.Duplicate)
            {
                await store.RecordDroppedAsync(subjectId, envelope.Sequence, envelope.Version);
                return;
            }

            try
            {
                var effects = verdict == EnvelopeVerdict.NewAfterGap ? await ReadGapAsync(subjectId, fromVersion, envelope.Version) : [];
                effects.Add(new HandledEffect(envelope.Version, envelope.Sequence, envelope.Type, "stream"));
                if (await store.TryApplyAsync(subjectId, fromVersion, effects))
                {
                    return;
                }
            }
            catch
            {
                // Not applied: forget the envelope so that its redelivery is handled, not dropped.
                deduplicator.Restore(subjectId, fromSequence, fromVersion);
                throw;
            }

            // Another activation moved the position first (failover race): start again from the stored one.
            var stored = await store.ReadPositionAsync(subjectId) ?? (0, 0);
            deduplicator.Restore(subjectId, stored.Sequence, stored.Version);
            if (attempt > 3)
            {
                throw new InvalidOperationException("The subscriber's position keeps moving under it.");
            }
        }
    }

    private async Task<List<HandledEffect>> ReadGapAsync(string subjectId, long afterVersion, long beforeVersion)
    {
        var history = await GrainFactory.GetGrain<IDataSubjectGrain>(subjectId).GetHistoryAsync();
        var missing = history.Where(h => h.Version > afterVersion && h.Version < beforeVersion).OrderBy(h => h.Version).ToList();
        if (missing.Count != beforeVersion - afterVersion - 1)
        {
            throw new InvalidOperationException("The subject's history does not hold the missing versions yet.");
        }

        return missing.Select(h => new HandledEffect(h.Version, null, h.Type, "history")).ToList();
    }
}
