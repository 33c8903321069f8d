using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace CallLoop.Silo.Reports.States;

/// <summary>GET /api/reports/states/{state}?asOf=...: the state category report as JSON, or CSV on request.</summary>
internal static class StateReportApi
{
    public static RouteGroupBuilder MapStateReport(this RouteGroupBuilder reports)
    {
        reports.MapGet("/states/{state}", GetAsync).WithName("GetStateCategoryReport");
        return reports;
    }

    public static async Task<Results<Ok<StateCategoryReport>, CsvFile>> GetAsync(string state, string? asOf, HttpRequest request, NpgsqlDataSource db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var code = QueryParameters.OptionalJurisdiction(state, "state") ?? throw QueryParameters.Invalid("state", "a supported US state code or CAN");
        var window = ReportWindow.TwelveMonthsEndingAt(QueryParameters.Instant(asOf, "asOf", clock.GetUtcNow()));
        var report = await StateCategoryReportQuery.RunAsync(db, code, window, cancellationToken);
        return CsvText.Requested(request) ? ToCsv(report).ToResult($"state-report-{code}.csv") : TypedResults.Ok(report);
    }

    private static CsvText ToCsv(StateCategoryReport report)
    {
        var csv = new CsvText("state", "from", "to", "section", "category", "source", "source_detail", "purpose", "recipient_type", "subjects");
        void Line(string section, string? category, string? source, string? detail, string? purpose, string? recipientType, long subjects) =>
            csv.Row(report.State, report.From, report.To, section, category, source, detail, purpose, recipientType, subjects);

        report.CategoriesCollected.ToList().ForEach(c => Line("collected", c.Category, null, null, null, null, c.Subjects));
        report.Sources.ToList().ForEach(s => Line("source", null, s.Source, s.SourceDetail, null, null, s.Subjects));
        report.Purposes.ToList().ForEach(p => Line("purpose", null, null, null, p.Purpose, null, p.Subjects));
        report.DisclosedForBusinessPurpose.ToList().ForEach(d => Line("disclosed-business-purpose", d.Category, null, null, null, d.RecipientType, d.Subjects));
        report.Sold.ToList().ForEach(d => Line("sold", d.Category, null, null, null, d.RecipientType, d.Subjects));
        report.Shared.ToList().ForEach(d => Line("shared", d.Category, null, null, null, d.RecipientType, d.Subjects));
        return csv;
    }
}
