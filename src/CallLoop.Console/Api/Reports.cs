namespace CallLoop.Console.Api;

/// <summary>What a state's privacy-policy disclosure needs for a 12-month window, with distinct subjects per line.</summary>
public sealed record StateCategoryReport(
    string State,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<CategoryCount> CategoriesCollected,
    IReadOnlyList<SourceCount> Sources,
    IReadOnlyList<PurposeCount> Purposes,
    IReadOnlyList<RecipientCount> DisclosedForBusinessPurpose,
    IReadOnlyList<RecipientCount> Sold,
    IReadOnlyList<RecipientCount> Shared);

public sealed record CategoryCount(string Category, long Subjects);

public sealed record SourceCount(string Source, string? SourceDetail, long Subjects);

public sealed record PurposeCount(string Purpose, long Subjects);

public sealed record RecipientCount(string Category, string RecipientType, long Subjects);

/// <summary>CCPA §7102 metrics for the requests received in one year.</summary>
public sealed record RequestMetricsReport(int Year, string? Jurisdiction, IReadOnlyList<RequestMetricsRow> Rights);

public sealed record RequestMetricsRow(
    string Right,
    long Received,
    long CompliedInWholeOrPart,
    long Denied,
    IReadOnlyDictionary<string, long> DeniedByReason,
    long Pending,
    double? MedianDaysToRespond,
    double? MeanDaysToRespond);

/// <summary>GET /api/reports/consents/series: per purpose, subjects consenting and opted out at the end of each period (Periods: their starts).</summary>
public sealed record ConsentSeriesReport(DateTimeOffset From, DateTimeOffset To, string Interval, IReadOnlyList<DateTimeOffset> Periods, IReadOnlyList<ConsentSeries> Series);

public sealed record ConsentSeries(string Purpose, IReadOnlyList<long> SubjectsConsenting, IReadOnlyList<long> SubjectsOptedOut);

/// <summary>How far one projection has read the event log.</summary>
public sealed record ProjectionStatus(string Name, string Lifecycle, long? Sequence, long HighestEvent, long Lag, DateTimeOffset? LastUpdated);
