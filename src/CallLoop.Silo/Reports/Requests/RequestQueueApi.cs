using Microsoft.AspNetCore.Http.HttpResults;
using CallLoop.Domain;
using CallLoop.EventStore.Projections.Requests;
using CallLoop.Silo.Security;
using CallLoop.EventStore.Configuration;
using Marten;
using Npgsql;

namespace CallLoop.Silo.Reports.Requests;

/// <summary>
/// GET /api/requests: the rights-request work queue over the request records, soonest deadline first, a page at a time
/// (<c>limit</c>, at most <see cref="RequestQueueFilter.MaxLimit"/>; the answer's nextCursor, also in a <c>Link</c>
/// header with <c>rel="next"</c>, passed as <c>cursor</c> asks for the next page).
/// </summary>
internal static class RequestQueueApi
{
    public static IEndpointRouteBuilder MapRequestQueue(this IEndpointRouteBuilder routes)
    {
        var requests = routes.MapGroup("/api/requests").WithTags("Reports").RequireAuthorization(AccessPolicies.AnalystOrPrivacyOfficer);
        requests.MapGet("/", ListAsync).WithName("ListRequestRecords");
        requests.MapGet("/counts", CountAsync).WithName("CountRequestRecords");
        return routes;
    }

    /// <summary>The work queue's counts for the same filter (no page): by status, overdue, due soon.</summary>
    public static async Task<Ok<RequestQueueCounts>> CountAsync(
        string? status,
        string? jurisdiction,
        string? type,
        string? dueBefore,
        string? asOf,
        NpgsqlDataSource db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var filter = Filter(status, jurisdiction, type, dueBefore, asOf, limit: null, cursor: null, clock);
        var (sql, parameters) = filter.ToCountSql($"{PrivacyEventStoreExtensions.SchemaName}.mt_doc_requestrecord");
        await using var command = db.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var byStatus = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var (overdue, dueSoon) = (0L, 0L);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byStatus[reader.IsDBNull(0) ? "unknown" : reader.GetString(0)] = reader.GetInt64(1);
            overdue += reader.GetInt64(2);
            dueSoon += reader.GetInt64(3);
        }

        return TypedResults.Ok(new RequestQueueCounts(filter.AsOf, filter.Status, byStatus.Values.Sum(), byStatus, overdue, dueSoon, RequestQueueCounts.DueSoonWithinDays));
    }

    private static RequestQueueFilter Filter(string? status, string? jurisdiction, string? type, string? dueBefore, string? asOf, string? limit, string? cursor, TimeProvider clock) =>
        new(
            QueryParameters.OneOf(status, "status", RequestQueueFilter.Any, RequestQueueFilter.Any, RequestQueueFilter.Open, RequestQueueFilter.Overdue, RequestQueueFilter.Closed),
            QueryParameters.OptionalJurisdiction(jurisdiction, "jurisdiction"),
            QueryParameters.OptionalEnum<RightsRequestType>(type, "type"),
            QueryParameters.OptionalInstant(dueBefore, "dueBefore"),
            QueryParameters.Instant(asOf, "asOf", clock.GetUtcNow()),
            QueryParameters.Limit(limit, "limit", RequestQueueFilter.DefaultLimit, RequestQueueFilter.MaxLimit),
            RequestQueueCursor.Parse(cursor, "cursor"));

    public static async Task<Results<Ok<RequestQueue>, CsvFile>> ListAsync(
        string? status,
        string? jurisdiction,
        string? type,
        string? dueBefore,
        string? asOf,
        string? limit,
        string? cursor,
        HttpRequest request,
        IQuerySession session,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var filter = Filter(status, jurisdiction, type, dueBefore, asOf, limit, cursor, clock);

        var (where, parameters) = filter.ToSql();
        var records = await session.QueryAsync<RequestRecord>(where, cancellationToken, parameters);
        var next = records.Count == filter.Limit ? RequestQueueCursor.Of(records[^1]).ToToken() : null;
        if (next is not null)
        {
            request.HttpContext.Response.Headers.Link = $"<{NextPage(request, next)}>; rel=\"next\"";
        }

        if (CsvText.Requested(request))
        {
            return ToCsv(records).ToResult("requests.csv");
        }

        return TypedResults.Ok(new RequestQueue(filter.AsOf, filter.Status, records.Count, records, next));
    }

    /// <summary>The same query with the cursor replaced, relative to the host the caller used.</summary>
    private static string NextPage(HttpRequest request, string cursor)
    {
        var query = request.Query
            .Where(p => !string.Equals(p.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        return $"{request.PathBase}{request.Path}{QueryString.Create(query)}";
    }

    private static CsvText ToCsv(IEnumerable<RequestRecord> records)
    {
        var csv = new CsvText(
            "subject_id", "request_id", "type", "channel", "jurisdiction", "via_authorized_agent", "status", "received_at", "due_at",
            "extended", "verified_at", "verification_method", "responded_at", "outcome", "denial_reason", "appeal_filed_at", "appeal_decided_at", "appeal_outcome");
        foreach (var r in records)
        {
            csv.Row(
                r.SubjectId, r.RequestId, r.Type, r.Channel, r.Jurisdiction, r.ViaAuthorizedAgent, r.Status, r.ReceivedAt, r.DueAt,
                r.Extended, r.VerifiedAt, r.VerificationMethod, r.RespondedAt, r.Outcome, r.DenialReason, r.AppealFiledAt, r.AppealDecidedAt, r.AppealOutcome);
        }

        return csv;
    }
}
