using Microsoft.AspNetCore.Http.HttpResults;
using CallLoop.EventStore.Projections.Requests;
using Marten;

namespace CallLoop.Silo.Reports.Metrics;

/// <summary>GET /api/reports/request-metrics?year=2026&amp;jurisdiction=CA (JSON, or CSV on request).</summary>
internal static class RequestMetricsApi
{
    public static RouteGroupBuilder MapRequestMetrics(this RouteGroupBuilder reports)
    {
        reports.MapGet("/request-metrics", GetAsync).WithName("GetRequestMetrics");
        return reports;
    }

    public static async Task<Results<Ok<RequestMetricsReport>, CsvFile>> GetAsync(string? year, string? jurisdiction, HttpRequest request, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var calendarYear = QueryParameters.Year(year, "year", clock.GetUtcNow().Year);
        var code = QueryParameters.OptionalJurisdiction(jurisdiction, "jurisdiction");
        var start = new DateTimeOffset(calendarYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddYears(1);
        var query = session.Query<RequestRecord>().Where(r => r.ReceivedAt >= start && r.ReceivedAt < end);
        if (code is not null)
        {
            query = query.Where(r => r.Jurisdiction == code);
        }

        var report = RequestMetricsCalculator.Calculate(calendarYear, code, await query.ToListAsync(cancellationToken));
        if (!CsvText.Requested(request))
        {
            return TypedResults.Ok(report);
        }

        var csv = new CsvText("year", "jurisdiction", "right", "received", "complied_in_whole_or_part", "denied", "denied_unverifiable", "denied_not_a_consumer", "denied_exempt", "denied_other", "pending", "median_days", "mean_days");
        foreach (var row in report.Rights)
        {
            csv.Row(report.Year, report.Jurisdiction ?? "all", row.Right, row.Received, row.CompliedInWholeOrPart, row.Denied,
                row.DeniedByReason["unverifiable"], row.DeniedByReason["not-a-consumer"], row.DeniedByReason["exempt"], row.DeniedByReason["other"],
                row.Pending, row.MedianDaysToRespond, row.MeanDaysToRespond);
        }

        return csv.ToResult($"request-metrics-{report.Year}.csv");
    }
}
