using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Publication;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Grains.Erasure;

/// <summary>
/// Makes sure an erasure finishes even when the silo that committed <see cref="ErasureStarted"/> (or the release of a
/// legal hold after it) died before shredding, and nobody calls the subject again: it wakes the subject's grain, whose
/// activation completes any erasure still due. Idempotent: an already completed erasure is a no-op.
/// </summary>
public sealed class ErasureCompletionReactor(IServiceProvider services) : ICommittedEventReactor
{
    public string Name => "erasure";

    public async Task HandleAsync(IReadOnlyList<CommittedSubjectEvent> page, CancellationToken cancellationToken)
    {
        var subjects = page
            .Where(c => c.Event is ErasureStarted or LegalHoldReleased)
            .Select(c => c.SubjectId)
            .Distinct(StringComparer.Ordinal);
        foreach (var subjectId in subjects)
        {
            // Any call activates the grain; the activation (or the command that is still running) completes the erasure.
            await services.GetRequiredService<IGrainFactory>().GetGrain<IDataSubjectGrain>(subjectId).GetRequestsAsync();
        }
    }
}
