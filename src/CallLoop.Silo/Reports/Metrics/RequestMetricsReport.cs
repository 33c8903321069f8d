namespace CallLoop.Silo.Reports.Metrics;

/// <summary>CCPA §7102 metrics for requests received in a calendar year (optionally one jurisdiction).</summary>
public sealed record RequestMetricsReport(int Year, string? Jurisdiction, IReadOnlyList<RequestMetricsRow> Rights);

/// <summary>
/// One right's figures. Days to respond are whole calendar days (UTC) from receipt to response, over the requests
/// answered so far; <see cref="Pending"/> counts those not yet answered.
/// </summary>
public sealed record RequestMetricsRow(
    string Right,
    long Received,
    long CompliedInWholeOrPart,
    long Denied,
    IReadOnlyDictionary<string, long> DeniedByReason,
    long Pending,
    double? MedianDaysToRespond,
    double? MeanDaysToRespond);
