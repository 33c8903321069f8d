using Microsoft.AspNetCore.Http.HttpResults;
using CallLoop.Domain;
using Npgsql;

namespace CallLoop.Silo.Reports.Consents;

/// <summary>
/// GET /api/reports/consents?purpose=marketing-sms&amp;asOf=...&amp;limit=...&amp;cursor=...: the consent ledger for one
/// purpose, a page at a time (at most <see cref="MaxLimit"/> entries, as JSON or CSV; nextCursor asks for the next).
/// </summary>
internal static class ConsentLedgerApi
{
    private static readonly string[] Purposes =
        [.. EnumText.AllTexts<ConsentPurpose>().Union(EnumText.AllTexts<OptOutScope>(), StringComparer.Ordinal)];

    public const int MaxLimit = 5000;

    public static RouteGroupBuilder MapConsentLedger(this RouteGroupBuilder reports)
    {
        reports.MapGet("/consents", GetAsync).WithName("GetConsentLedger");
        return reports;
    }

    public static async Task<Results<Ok<ConsentLedgerReport>, FileContentHttpResult>> GetAsync(string? purpose, string? asOf, string? limit, string? cursor, HttpRequest request, NpgsqlDataSource db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(purpose))
        {
            throw QueryParameters.Invalid("purpose", "one of " + string.Join(", ", Purposes));
        }

        var name = QueryParameters.OneOf(purpose, "purpose", string.Empty, Purposes);
        var report = await ConsentLedgerQuery.RunAsync(
            db,
            name,
            QueryParameters.Instant(asOf, "asOf", clock.GetUtcNow()),
            QueryParameters.Limit(limit, "limit", 1000, MaxLimit),
            ConsentLedgerCursor.Parse(cursor, "cursor"),
            cancellationToken);
        if (!CsvText.Requested(request))
        {
            return TypedResults.Ok(report);
        }

        var csv = new CsvText("subject_id", "entry", "purpose", "basis", "notice_version", "channel", "method", "request_id", "occurred_at");
        foreach (var e in report.Entries)
        {
            csv.Row(e.SubjectId, e.Entry, report.Purpose, e.Basis, e.NoticeVersion, e.Channel, e.Method, e.RequestId, e.OccurredAt);
        }

        return csv.ToResult($"consents-{report.Purpose}.csv");
    }
}
