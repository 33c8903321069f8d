using Microsoft.AspNetCore.Http.HttpResults;
using CallLoop.Domain;
using CallLoop.EventStore.Projections.Requests;
using CallLoop.Silo.Security;
using Marten;

namespace CallLoop.Silo.Reports.Requests;

/// <summary>GET /api/requests: the rights-request work queue over the request records, soonest deadline first.</summary>
internal static class RequestQueueApi
{
    public static IEndpointRouteBuilder MapRequestQueue(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/requests").WithTags("Reports").RequireAuthorization(AccessPolicies.AnalystOrPrivacyOfficer).MapGet("/", ListAsync).WithName("ListRequestRecords");
        return routes;
    }

    public static async Task<Results<Ok<RequestQueue>, FileContentHttpResult>> ListAsync(
        string? status,
        string? jurisdiction,
        string? type,
        string? dueBefore,
        string? asOf,
        string? limit,
        HttpRequest request,
        IQuerySession session,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var filter = new RequestQueueFilter(
            QueryParameters.OneOf(status, "status", RequestQueueFilter.Any, RequestQueueFilter.Any, RequestQueueFilter.Open, RequestQueueFilter.Overdue, RequestQueueFilter.Closed),
            QueryParameters.OptionalJurisdiction(jurisdiction, "jurisdiction"),
            QueryParameters.OptionalEnum<RightsRequestType>(type, "type"),
            QueryParameters.OptionalInstant(dueBefore, "dueBefore"),
            QueryParameters.Instant(asOf, "asOf", clock.GetUtcNow()),
            QueryParameters.Limit(limit, "limit", 500, 5000));

        var (where, parameters) = filter.ToSql();
        var records = await session.QueryAsync<RequestRecord>(where, cancellationToken, parameters);
        if (CsvText.Requested(request))
        {
            return ToCsv(records).ToResult("requests.csv");
        }

        return TypedResults.Ok(new RequestQueue(filter.AsOf, filter.Status, records.Count, records));
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
