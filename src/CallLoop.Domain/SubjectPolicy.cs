namespace CallLoop.Domain;

/// <summary>
/// How this deployment is configured to decide, beside the law: settings of the host, never part of a command, so a
/// caller cannot choose them and a grain passes them to <see cref="SubjectDecider"/> as they are. A policy cannot hold
/// a value outside its range: setting one throws, so a misconfigured host fails when it builds the policy.
/// </summary>
public sealed record SubjectPolicy
{
    public static readonly SubjectPolicy Default = new();

    /// <summary>Days to answer a reopened request unless configured otherwise (company policy; no statute sets it).</summary>
    public const int DefaultReopenedDueDays = 15;

    /// <summary>The fewest and the most days <see cref="ReopenedDueDays"/> may be.</summary>
    public const int MinReopenedDueDays = 1, MaxReopenedDueDays = 365;

    /// <summary>
    /// A delete request carried out waits for every affected processor's acknowledgement before it completes
    /// (CallLoop:Propagation:DeleteRequiresAcknowledgements): <see cref="RightsRequestAwaitingProcessors"/> instead of
    /// <see cref="RightsRequestCompleted"/>.
    /// </summary>
    public bool DeleteRequiresAcknowledgements { get; init; }

    /// <summary>
    /// Days to answer a request that a reversed appeal reopens (CallLoop:Deadlines:ReopenedDueDays): the
    /// <see cref="RightsRequestReopened.DueAt"/> of <see cref="DecideAppeal"/>.
    /// </summary>
    public int ReopenedDueDays
    {
        get;
        init => field = value is >= MinReopenedDueDays and <= MaxReopenedDueDays
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ReopenedDueDays), value, $"Reopened requests are due in {MinReopenedDueDays} to {MaxReopenedDueDays} days.");
    } = DefaultReopenedDueDays;

    /// <summary>
    /// IANA id of the time zone whose calendar business days are counted in (CallLoop:Deadlines:BusinessTimeZone):
    /// the due dates of <see cref="ReceiveRightsRequest"/>.
    /// </summary>
    public string BusinessTimeZone
    {
        get;
        init => field = IsKnownTimeZone(value)
            ? value.Trim()
            : throw new ArgumentException("The business time zone must be a known IANA time zone id.", nameof(BusinessTimeZone));
    } = RightsRequestDeadline.DefaultBusinessTimeZone;

    /// <summary>The calendar of <see cref="BusinessTimeZone"/>.</summary>
    public TimeZoneInfo BusinessZone => TimeZoneInfo.FindSystemTimeZoneById(BusinessTimeZone);

    /// <summary>Whether <paramref name="id"/> names a time zone this machine knows (for validating settings).</summary>
    public static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _);
}
