using System.Globalization;
using CallLoop.EventStore.Phones;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Reports.Sms;

/// <summary>
/// <c>GET /api/reports/sms/suppressions?year=2026</c>: numbers suppressed per month, from the number-level
/// suppressions (keyed hashes only: no number, no subject). A number that texted STOP again after a START counts
/// in the month of its latest STOP.
/// </summary>
public static class NumberSuppressionReportApi
{
    public static RouteGroupBuilder MapNumberSuppressionReport(this RouteGroupBuilder reports)
    {
        reports.MapGet("/sms/suppressions", GetAsync).WithName("GetNumberSuppressionsPerMonth");
        return reports;
    }

    public static async Task<Ok<NumberSuppressionMonth[]>> GetAsync(string? year, IDocumentStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reportYear = QueryParameters.Year(year, "year", clock.GetUtcNow().Year);
        var from = new DateTimeOffset(reportYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddYears(1);
        await using var session = store.QuerySession();
        var rows = await session.Query<NumberSuppressionEntry>()
            .Where(e => e.SuppressedAt >= from && e.SuppressedAt < to)
            .ToListAsync(cancellationToken);
        var months = Enumerable.Range(1, 12)
            .Select(month => new NumberSuppressionMonth(
                new DateOnly(reportYear, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                rows.Count(r => r.SuppressedAt.UtcDateTime.Month == month),
                rows.Count(r => r.SuppressedAt.UtcDateTime.Month == month && r.LiftedAt is not null)))
            .ToArray();
        return TypedResults.Ok(months);
    }
}
