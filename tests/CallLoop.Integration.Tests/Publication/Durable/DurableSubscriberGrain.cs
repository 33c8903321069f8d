using CallLoop.Contracts.Publication;
using CallLoop.Contracts.Subjects;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace CallLoop.Integration.Tests.Publication.Durable;

public interface IDurableSubscriberGrain : IGrainWithStringKey;

/// <summary>
/// A consumer written as a production one should be: implicitly subscribed to every subject's stream (one
/// activation per subject), idempotent by sequence through <see cref="SubjectEventDeduplicator"/> seeded from its
/// persisted position, and filling a version gap (a batch still held by a dead silo, or dead-lettered) from the
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
    private readonly SubscriberLedger? ledger = services.GetService<SubscriberLedger>();

    private string SubjectId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (ledger is not null && await ledger.ReadPositionAsync(SubjectId) is { } position)
        {
            deduplicator.Restore(SubjectId, position.Sequence, position.Version);
        }
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<SubjectEventEnvelope>().ResumeAsync((envelope, _) => ledger is null ? Task.CompletedTask : HandleAsync(envelope, ledger));

    private async Task HandleAsync(SubjectEventEnvelope envelope, SubscriberLedger store)
    {
        await Task.Delay(WorkPerEvent);
        for (var attempt = 0; ; attempt++)
        {
            var (fromSequence, fromVersion) = (deduplicator.LastSequence(SubjectId), deduplicator.LastVersion(SubjectId));
            var verdict = deduplicator.Accept(envelope);
            if (verdict == EnvelopeVerdict.Duplicate)
            {
                await store.RecordDroppedAsync(SubjectId, envelope.Sequence, envelope.Version);
                return;
            }

            try
            {
                var effects = verdict == EnvelopeVerdict.NewAfterGap ? await ReadGapAsync(fromVersion, envelope.Version) : [];
                effects.Add(new HandledEffect(envelope.Version, envelope.Sequence, envelope.Type, "stream"));
                if (await store.TryApplyAsync(SubjectId, fromVersion, effects))
                {
                    return;
                }
            }
            catch
            {
                // Not applied: forget the envelope so that its redelivery is handled, not dropped.
                deduplicator.Restore(SubjectId, fromSequence, fromVersion);
                throw;
            }

            // Another activation moved the position first (failover race): start again from the stored one.
            var stored = await store.ReadPositionAsync(SubjectId) ?? (0, 0);
            deduplicator.Restore(SubjectId, stored.Sequence, stored.Version);
            if (attempt > 3)
            {
                throw new InvalidOperationException("The subscriber's position keeps moving under it.");
            }
        }
    }

    private async Task<List<HandledEffect>> ReadGapAsync(long afterVersion, long beforeVersion)
    {
        var history = await GrainFactory.GetGrain<IDataSubjectGrain>(SubjectId).GetHistoryAsync();
        var missing = history.Where(h => h.Version > afterVersion && h.Version < beforeVersion).OrderBy(h => h.Version).ToList();
        if (missing.Count != beforeVersion - afterVersion - 1)
        {
            throw new InvalidOperationException("The subject's history does not hold the missing versions yet.");
        }

        return missing.Select(h => new HandledEffect(h.Version, null, h.Type, "history")).ToList();
    }
}
