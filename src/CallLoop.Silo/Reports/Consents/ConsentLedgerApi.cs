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
        reports.MapGet("/consents/series", SeriesAsync).WithName("GetConsentSeries");
        return reports;
    }

    /// <summary>The marketing channels a series shows when no purpose is named.</summary>
    private static readonly string[] MarketingChannels = ["marketing-email", "marketing-sms"];

    /// <summary>
    /// GET /api/reports/consents/series?from=&amp;to=&amp;interval=day|week|month[&amp;purpose=...]: subjects consenting
    /// (and opted out) per purpose at the end of each period from <c>from</c> to <c>to</c> (default: the 12 periods
    /// ending now, by month), at most <see cref="ConsentSeriesQuery.MaxPeriods"/> periods.
    /// </summary>
    public static async Task<Ok<ConsentSeriesReport>> SeriesAsync(string? from, string? to, string? interval, string[]? purpose, NpgsqlDataSource db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var unit = QueryParameters.OneOf(interval, "interval", ConsentSeriesQuery.Month, ConsentSeriesQuery.Day, ConsentSeriesQuery.Week, ConsentSeriesQuery.Month);
        var until = QueryParameters.Instant(to, "to", clock.GetUtcNow());
        var twelveBack = ConsentSeriesQuery.PeriodStart(until, unit);
        for (var i = 0; i < 11; i++)
        {
            twelveBack = unit switch
            {
                ConsentSeriesQuery.Month => twelveBack.AddMonths(-1),
                ConsentSeriesQuery.Week => twelveBack.AddDays(-7),
                _ => twelveBack.AddDays(-1),
            };
        }

        var since = QueryParameters.Instant(from, "from", twelveBack);
        if (since > until)
        {
            throw QueryParameters.Invalid("from", "an instant no later than to");
        }

        var named = purpose?.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray() ?? [];
        var purposes = named.Length > 0
            ? named.Select(p => QueryParameters.OneOf(p, "purpose", string.Empty, Purposes)).Distinct(StringComparer.Ordinal).ToArray()
            : MarketingChannels;
        var periods = ConsentSeriesQuery.Periods(since, until, unit);
        if (periods.Count > ConsentSeriesQuery.MaxPeriods)
        {
            throw QueryParameters.Invalid("interval", $"at most {ConsentSeriesQuery.MaxPeriods} periods from 'from' to 'to' (a longer interval or a shorter span)");
        }

        return TypedResults.Ok(await ConsentSeriesQuery.RunAsync(db, purposes, since, until, unit, periods, cancellationToken));
    }

    public static async Task<Results<Ok<ConsentLedgerReport>, CsvFile>> GetAsync(string? purpose, string? asOf, string? limit, string? cursor, HttpRequest request, NpgsqlDataSource db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(purpose))
        {
            throw QueryParameters.Invalid("purpose", "one of " + string.Join(", ", Purposes));
        }

        var name = QueryParameters.OneOf(purpose, "purpose", string.Empty, Purposes);
        var at = QueryParameters.Instant(asOf, "asOf", clock.GetUtcNow());
        var pageSize = QueryParameters.Limit(limit, "limit", 1000, MaxLimit);
        var after = ConsentLedgerCursor.Parse(cursor, "cursor");
        if (CsvText.Requested(request))
        {
            return new CsvText("subject_id", "entry", "purpose", "basis", "notice_version", "channel", "method", "request_id", "occurred_at")
                .Stream($"consents-{name}.csv", CsvRowsAsync(ConsentLedgerQuery.StreamAsync(db, name, at, pageSize, after, cancellationToken), name));
        }

        return TypedResults.Ok(await ConsentLedgerQuery.RunAsync(db, name, at, pageSize, after, cancellationToken));
    }

    private static async IAsyncEnumerable<object?[]> CsvRowsAsync(IAsyncEnumerable<ConsentLedgerLine> lines, string purpose)
    {
        await foreach (var e in lines)
        {
            yield return [e.SubjectId, e.Entry, purpose, e.Basis, e.NoticeVersion, e.Channel, e.Method, e.RequestId, e.OccurredAt];
        }
    }
}
