namespace CallLoop.Silo.Reports.Consents;

/// <summary>
/// GET /api/reports/consents/series: for each purpose, how many subjects consented and how many had opted out at the
/// end of each period (<see cref="Periods"/> are the periods' starts, UTC; a week starts on Monday).
/// </summary>
public sealed record ConsentSeriesReport(DateTimeOffset From, DateTimeOffset To, string Interval, IReadOnlyList<DateTimeOffset> Periods, IReadOnlyList<ConsentSeries> Series);

/// <summary>One purpose's counts, one per period of the report.</summary>
public sealed record ConsentSeries(string Purpose, IReadOnlyList<long> SubjectsConsenting, IReadOnlyList<long> SubjectsOptedOut);
