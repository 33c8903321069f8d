using CallLoop.Contracts.Retention;
using CallLoop.Domain;
using CallLoop.EventStore.Publication;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Grains.Retention;

/// <summary>
/// Arms each subject's retention reminder from committed events: when the account ends, and again when a legal hold
/// is released (what it kept may now be past its period), and when someone without an account makes a request (their
/// data is kept for a period after their last event; each review re-arms from the latest one). Driven by the publication subscription, so at least once.
/// </summary>
public sealed class RetentionSchedulingReactor(IServiceProvider services) : ICommittedEventReactor
{
    public string Name => "retention";

    public async Task HandleAsync(IReadOnlyList<CommittedSubjectEvent> page, CancellationToken cancellationToken)
    {
        foreach (var committed in page)
        {
            switch (committed.Event)
            {
                case AccountDeactivated e:
                    await Retention(committed.SubjectId).AccountEndedAsync(e.OccurredAt);
                    break;
                case RightsRequestReceived { FromNonSubject: true } e:
                    await Retention(committed.SubjectId).EventWithoutAccountAsync(e.OccurredAt);
                    break;
                case LegalHoldReleased:
                    await Retention(committed.SubjectId).ReviewSoonAsync();
                    break;
            }
        }
    }

    private IRetentionGrain Retention(string subjectId) =>
        services.GetRequiredService<IGrainFactory>().GetGrain<IRetentionGrain>(subjectId);
}
