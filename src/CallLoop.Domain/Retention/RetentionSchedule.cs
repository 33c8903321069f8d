namespace CallLoop.Domain;

/// <summary>Pure: which categories' retention has ended for a subject, and when the next one ends.</summary>
public static class RetentionSchedule
{
    /// <summary>Categories holding personal values: collected ones, and identifiers when contact details remain.</summary>
    public static IReadOnlySet<PersonalInformationCategory> HeldCategories(SubjectState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var held = state.Categories.Keys.ToHashSet();
        if (state.Email is not null || state.Phone is not null || state.Name is not null)
        {
            held.Add(PersonalInformationCategory.Identifiers);
        }

        return held;
    }

    /// <summary>Held categories whose retention ended at or before <paramref name="now"/> and no legal hold keeps.</summary>
    public static IReadOnlyList<PersonalInformationCategory> Expired(SubjectState state, RetentionPeriods periods, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (state is not { IsRegistered: true, DeactivatedAt: { } endedAt })
        {
            return [];
        }

        var onHold = state.HeldUnderLegalHold();
        return HeldCategories(state)
            .Where(c => !onHold.Contains(c) && endedAt + periods.For(c) <= now)
            .Order()
            .ToArray();
    }

    /// <summary>
    /// When the data of someone without an account (never registered) is due for erasure: the period after their
    /// last event; null when they have an account or nothing happened since the last erasure.
    /// </summary>
    public static DateTimeOffset? WithoutAccountEndsAt(SubjectState state, RetentionPeriods periods)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(periods);
        return state is { IsRegistered: false, LastEventAt: { } last } && !(state.ErasureStartedAt >= last)
            ? last + periods.WithoutAccount
            : null;
    }

    /// <summary>Whether someone without an account is past their period with none of their requests or appeals open.</summary>
    public static bool WithoutAccountExpired(SubjectState state, RetentionPeriods periods, DateTimeOffset now) =>
        WithoutAccountEndsAt(state, periods) is { } endsAt && endsAt <= now && !HasOpenRequest(state);

    /// <summary>Erasure waits while a request is unanswered or an appeal undecided.</summary>
    public static bool HasOpenRequest(SubjectState state) => state.Requests.Values.Any(request => request.IsOpen);

    /// <summary>
    /// When the next held category's retention ends, or null when nothing is left to erase by time: the account is
    /// active, everything is erased, or only legal holds keep what remains (their release asks for a new review).
    /// Without an account: the end of the period after the last event; while a request or appeal is open, a new
    /// look <see cref="RetentionTable.WhileRequestOpenLookAgainAfter"/> after <paramref name="now"/> (when given).
    /// </summary>
    public static DateTimeOffset? NextDueAt(SubjectState state, RetentionPeriods periods, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (WithoutAccountEndsAt(state, periods) is { } endsAt)
        {
            var lookAgain = now + RetentionTable.WhileRequestOpenLookAgainAfter;
            return HasOpenRequest(state) && lookAgain > endsAt ? lookAgain : endsAt;
        }

        if (state is not { IsRegistered: true, DeactivatedAt: { } endedAt })
        {
            return null;
        }

        var onHold = state.HeldUnderLegalHold();
        var pending = HeldCategories(state).Where(c => !onHold.Contains(c)).Select(c => endedAt + periods.For(c)).ToArray();
        return pending.Length == 0 ? null : pending.Min();
    }

    /// <summary>What one application of retention changed (from the states before and after) and when it is next due.</summary>
    public static RetentionReview Review(SubjectState before, SubjectState after, RetentionPeriods periods, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var remaining = HeldCategories(after);
        return new RetentionReview
        {
            Erased = HeldCategories(before).Except(remaining).Order().ToArray(),
            HeldUnderLegalHold = after.HeldUnderLegalHold().Intersect(remaining).Order().ToArray(),
            NextDueAt = NextDueAt(after, periods, now),
        };
    }
}
