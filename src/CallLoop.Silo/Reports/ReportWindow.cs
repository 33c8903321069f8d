namespace CallLoop.Silo.Reports;

/// <summary>A half-open reporting window (From, To]: the law's "preceding 12 months" ends at the moment asked about.</summary>
public sealed record ReportWindow(DateTimeOffset From, DateTimeOffset To)
{
    public static ReportWindow TwelveMonthsEndingAt(DateTimeOffset asOf) => new(asOf.AddMonths(-12), asOf);

    public bool Contains(DateTimeOffset instant) => instant > From && instant <= To;
}
