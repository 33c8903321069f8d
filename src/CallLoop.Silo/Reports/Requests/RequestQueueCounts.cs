namespace CallLoop.Silo.Reports.Requests;

/// <summary>
/// GET /api/requests/counts: how many request records match the work queue's filter, by status, and how many of the
/// open ones are overdue or due within <see cref="DueSoonDays"/> days, as of <see cref="AsOf"/>. Counted by the
/// database over every match, not over one page.
/// </summary>
public sealed record RequestQueueCounts(
    DateTimeOffset AsOf,
    string Status,
    long Total,
    IReadOnlyDictionary<string, long> ByStatus,
    long Overdue,
    long DueSoon,
    int DueSoonDays)
{
    /// <summary>What the work queue marks as due soon: a current deadline within five days.</summary>
    public const int DueSoonWithinDays = 5;
}
