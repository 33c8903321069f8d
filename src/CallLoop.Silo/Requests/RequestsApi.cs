using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Silo.Http;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Requests;

/// <summary>Rights requests and their lifecycle; every step answers with the request's current view.</summary>
public static class RequestsApi
{
    private const string OpenFilter = "open";

    public static RouteGroupBuilder MapRequestsApi(this IEndpointRouteBuilder routes)
    {
        var requests = routes.MapGroup("/api/subjects/{subjectId}/requests").WithTags("Rights requests").RequireAuthorization(AccessPolicies.PrivacyOfficer);

        requests.MapPost("", ReceiveAsync).WithName("ReceiveRightsRequest");
        requests.MapGet("", ListAsync).WithName("ListRightsRequests");
        requests.MapGet("/{requestId}", GetAsync).WithName("GetRightsRequest");
        requests.MapGet("/{requestId}/timeline", TimelineAsync).WithName("GetRightsRequestTimeline");
        requests.MapPost("/{requestId}/receipt-confirmation", ConfirmReceiptAsync).WithName("ConfirmRequestReceipt");
        requests.MapPost("/{requestId}/verification", VerifyAsync).WithName("VerifyRequester");
        requests.MapPost("/{requestId}/extension", ExtendAsync).WithName("ExtendRightsRequest");
        requests.MapPost("/{requestId}/completion", CompleteAsync).WithName("CompleteRightsRequest");
        requests.MapPost("/{requestId}/appeal", AppealAsync).WithName("FileAppeal");
        requests.MapPost("/{requestId}/appeal/decision", DecideAppealAsync).WithName("DecideAppeal");
        requests.MapPost("/{requestId}/appeal/extension", ExtendAppealAsync).WithName("ExtendAppeal");
        return requests;
    }

    public static async Task<Ok<RightsRequestView>> ReceiveAsync(string subjectId, ReceiveRequestBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).ReceiveRequestAsync(body.ToCommand(subjectId, http.IdempotencyKey()), http.Actor()));

    /// <summary><c>status</c>: <c>open</c> (still owing an answer) or one of the request statuses; none lists every request.</summary>
    public static async Task<Ok<IReadOnlyList<RightsRequestView>>> ListAsync(string subjectId, string? status, IGrainFactory grains)
    {
        var grain = grains.Subject(subjectId);
        if (string.Equals(status?.Trim(), OpenFilter, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(await grain.GetOpenRequestsAsync());
        }

        var wanted = BodyFields.OptionalEnum<RightsRequestStatus>(status, "status");
        var all = await grain.GetRequestsAsync();
        return TypedResults.Ok<IReadOnlyList<RightsRequestView>>(
            wanted is { } s ? all.Where(r => r.Status == EnumText.ToText(s)).ToArray() : all);
    }

    public static async Task<Ok<RightsRequestView>> GetAsync(string subjectId, string requestId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Subject(subjectId).GetRequestAsync(requestId));

    /// <summary>Each event of the request: its type, when, and who did it (null: the system itself, such as a reminder).</summary>
    public static async Task<Ok<IReadOnlyList<RequestTimelineStep>>> TimelineAsync(string subjectId, string requestId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Subject(subjectId).GetRequestTimelineAsync(requestId));

    public static async Task<Ok<RightsRequestView>> ConfirmReceiptAsync(string subjectId, string requestId, IGrainFactory grains, HttpContext http)
    {
        var command = new ConfirmReceipt { SubjectId = subjectId, RequestId = requestId, IdempotencyKey = http.IdempotencyKey() };
        return TypedResults.Ok(await grains.Subject(subjectId).ConfirmReceiptAsync(command, http.Actor()));
    }

    public static async Task<Ok<RightsRequestView>> VerifyAsync(string subjectId, string requestId, VerificationBody body, IGrainFactory grains, HttpContext http)
    {
        var grain = grains.Subject(subjectId);
        var key = http.IdempotencyKey();
        return TypedResults.Ok(body.IsFailure
            ? await grain.FailVerificationAsync(body.ToFail(subjectId, requestId, key), http.Actor())
            : await grain.VerifyIdentityAsync(body.ToVerify(subjectId, requestId, key), http.Actor()));
    }

    public static async Task<Ok<RightsRequestView>> ExtendAsync(string subjectId, string requestId, ExtensionBody body, IGrainFactory grains, HttpContext http)
    {
        var command = new ExtendRequest { SubjectId = subjectId, RequestId = requestId, IdempotencyKey = http.IdempotencyKey(), Reason = body.Reason ?? string.Empty };
        return TypedResults.Ok(await grains.Subject(subjectId).ExtendRequestAsync(command, http.Actor()));
    }

    public static async Task<Ok<RightsRequestView>> CompleteAsync(string subjectId, string requestId, CompletionBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).CompleteRequestAsync(body.ToCommand(subjectId, requestId, http.IdempotencyKey()), http.Actor()));

    /// <summary>The body (reason, filedAt) is optional.</summary>
    public static async Task<Ok<RightsRequestView>> AppealAsync(string subjectId, string requestId, AppealBody? body, IGrainFactory grains, HttpContext http)
    {
        var command = new FileAppeal
        {
            SubjectId = subjectId,
            RequestId = requestId,
            IdempotencyKey = http.IdempotencyKey(),
            Reason = body?.Reason,
            FiledAt = BodyFields.OptionalTime(body?.FiledAt, "filedAt"),
        };
        return TypedResults.Ok(await grains.Subject(subjectId).FileAppealAsync(command, http.Actor()));
    }

    /// <summary>Where the law allows more time to answer an appeal (CO, MN: 60 days), with the reason told to the requester.</summary>
    public static async Task<Ok<RightsRequestView>> ExtendAppealAsync(string subjectId, string requestId, ExtensionBody body, IGrainFactory grains, HttpContext http)
    {
        var command = new ExtendAppeal { SubjectId = subjectId, RequestId = requestId, IdempotencyKey = http.IdempotencyKey(), Reason = body.Reason ?? string.Empty };
        return TypedResults.Ok(await grains.Subject(subjectId).ExtendAppealAsync(command, http.Actor()));
    }

    public static async Task<Ok<RightsRequestView>> DecideAppealAsync(string subjectId, string requestId, AppealDecisionBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).DecideAppealAsync(body.ToCommand(subjectId, requestId, http.IdempotencyKey()), http.Actor()));
}
