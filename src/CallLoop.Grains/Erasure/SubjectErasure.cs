using CallLoop.Contracts.Keys;
using CallLoop.Domain;
using CallLoop.EventStore.Protection;

namespace CallLoop.Grains.Erasure;

/// <summary>
/// The erasure steps after <see cref="ErasureStarted"/> (or a legal hold released after it): destroy the data keys of
/// the due categories, mask their sealed values in the stored events, and hand back the event that records it.
/// Each step is idempotent, so a crash anywhere only means the next activation runs them again.
/// </summary>
internal static class SubjectErasure
{
    /// <summary>The <see cref="PersonalDataErased"/> to append, or null when no erasure is due.</summary>
    public static async Task<PersonalDataErased?> CompleteAsync(
        SubjectState state,
        string subjectId,
        IGrainFactory grains,
        PersonalValueMasking masking,
        string? releasedHoldId,
        DateTimeOffset now)
    {
        var due = ErasurePlan.Due(state);
        if (due.Count == 0)
        {
            return null;
        }

        var destroyed = await grains.GetGrain<ISubjectKeyGrain>(subjectId).DestroyAsync(due);
        var masked = await masking.MaskAsync(subjectId, destroyed, due, CancellationToken.None);
        return ErasurePlan.Record(state, due, destroyed, masked, releasedHoldId) with { SubjectId = subjectId, OccurredAt = now };
    }
}
