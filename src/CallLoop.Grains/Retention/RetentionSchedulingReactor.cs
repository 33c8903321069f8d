using CallLoop.Contracts.Retention;
using CallLoop.Domain;
using CallLoop.EventStore.Publication;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Grains.Retention;

/// <summary>
/// Arms each subject's retention reminder from committed events: when the account ends, and again when a legal hold
/// is released (what it kept may now be past its period), and when something is recorded for someone without an
/// account: a request, or an opt-out by GPC signal or text (their data is kept for a period after their last event;
/// each review re-arms from the latest one). Driven by the publication subscription, so at least once.
/// </summary>
public sealed class RetentionSchedulingReactor(IServiceProvider services) : ICommittedEventReactor
{
    public string Name => "retention";

    public async Task HandleAsync(IReadOnlyList<CommittedSubjectEvent> page, CancellationToken cancellationToken)
    {
        // One GPC signal is several opt-outs of one subject: armed once per subject and page, from the latest.
        var withoutAccount = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var committed in page)
        {
            switch (committed.Event)
            {
                case AccountDeactivated e:
                    await Retention(committed.SubjectId).AccountEndedAsync(e.OccurredAt);
                    break;
                case RightsRequestReceived { FromNonSubject: true }:
                case OptedOut { FromNonSubject: true }:
                    withoutAccount[committed.SubjectId] = committed.Event.OccurredAt;
                    break;
                case LegalHoldReleased:
                    await Retention(committed.SubjectId).ReviewSoonAsync();
                    break;
            }
        }

        foreach (var (subjectId, at) in withoutAccount)
        {
            await Retention(subjectId).EventWithoutAccountAsync(at);
        }
    }

    private IRetentionGrain Retention(string subjectId) =>
        services.GetRequiredService<IGrainFactory>().GetGrain<IRetentionGrain>(subjectId);
}
