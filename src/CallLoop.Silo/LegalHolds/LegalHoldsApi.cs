using CallLoop.Domain;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.LegalHolds;

public static class LegalHoldsApi
{
    public static RouteGroupBuilder MapLegalHoldsApi(this IEndpointRouteBuilder routes)
    {
        var holds = routes.MapGroup("/api/subjects/{subjectId}/legal-holds").WithTags("Legal holds").RequireAuthorization(AccessPolicies.PrivacyOfficer);
        holds.MapPost("", PlaceAsync).WithName("PlaceLegalHold");
        holds.MapPost("/{holdId}/release", ReleaseAsync).WithName("ReleaseLegalHold");
        return holds;
    }

    public static async Task<Ok<SubjectProfile>> PlaceAsync(string subjectId, LegalHoldBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).PlaceLegalHoldAsync(body.ToCommand(subjectId, http.IdempotencyKey()), http.Actor()));

    /// <summary>The body (reason) is optional.</summary>
    public static async Task<Ok<SubjectProfile>> ReleaseAsync(string subjectId, string holdId, ReleaseLegalHoldBody? body, IGrainFactory grains, HttpContext http)
    {
        var command = new ReleaseLegalHold { SubjectId = subjectId, IdempotencyKey = http.IdempotencyKey(), HoldId = holdId, Reason = body?.Reason };
        return TypedResults.Ok(await grains.Subject(subjectId).ReleaseLegalHoldAsync(command, http.Actor()));
    }
}
