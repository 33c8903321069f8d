namespace CallLoop.Domain;

/// <summary>Pure: which categories an erasure must destroy now, and which legal holds keep which categories.</summary>
public static class ErasurePlan
{
    private static readonly PersonalInformationCategory[] AllCategories = Enum.GetValues<PersonalInformationCategory>();

    /// <summary>
    /// Categories due for erasure: once erasure has started, every category not under a legal hold and not yet
    /// recorded as erased. Empty when nothing is due (no erasure, or all done).
    /// </summary>
    public static IReadOnlyList<PersonalInformationCategory> Due(SubjectState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.ErasureStartedAt is null)
        {
            return [];
        }

        var held = state.HeldUnderLegalHold();
        return AllCategories.Where(c => !held.Contains(c) && !state.ErasedCategories.Contains(c)).ToArray();
    }

    /// <summary>Every held category with the holds that keep it, ordered by category then hold id.</summary>
    public static IReadOnlyList<RetainedCategory> Retained(SubjectState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.LegalHolds.Values
            .SelectMany(hold => hold.Categories.Distinct().Select(category => new RetainedCategory { Category = category, HoldId = hold.HoldId, Reason = hold.Reason }))
            .OrderBy(r => r.Category)
            .ThenBy(r => r.HoldId, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The event that records an erasure of <paramref name="due"/>, to append once their keys are destroyed.</summary>
    public static PersonalDataErased Record(
        SubjectState state,
        IReadOnlyList<PersonalInformationCategory> due,
        IReadOnlyList<string> destroyedKeyIds,
        int maskedEvents,
        string? releasedHoldId) => new()
        {
            Reason = state.ErasureReason ?? ErasureReason.DeleteRequest,
            RequestId = state.ErasureRequestId,
            ErasedCategories = [.. due.Order()],
            DestroyedKeyIds = [.. destroyedKeyIds.Order(StringComparer.Ordinal)],
            Retained = Retained(state),
            MaskedEvents = maskedEvents,
            ReleasedHoldId = releasedHoldId,
        };
}
