using CallLoop.Domain;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Restriction;

/// <summary>Restricting processing to legal and security purposes, and lifting it. Bodies are optional.</summary>
public static class RestrictionApi
{
    public static RouteGroupBuilder MapRestrictionApi(this IEndpointRouteBuilder routes)
    {
        var restriction = routes.MapGroup("/api/subjects/{subjectId}/restriction").WithTags("Restriction").RequireAuthorization(AccessPolicies.PrivacyOfficer);
        restriction.MapPost("", RestrictAsync).WithName("RestrictProcessing");
        restriction.MapPost("/lift", LiftAsync).WithName("LiftRestriction");
        return restriction;
    }

    public static async Task<Ok<SubjectProfile>> RestrictAsync(string subjectId, RestrictionBody? body, IGrainFactory grains, HttpContext http)
    {
        var command = new RestrictProcessing { SubjectId = subjectId, IdempotencyKey = http.IdempotencyKey(), Reason = body?.Reason, RequestId = body?.RequestId };
        return TypedResults.Ok(await grains.Subject(subjectId).RestrictProcessingAsync(command, http.Actor()));
    }

    public static async Task<Ok<SubjectProfile>> LiftAsync(string subjectId, LiftRestrictionBody? body, IGrainFactory grains, HttpContext http)
    {
        var command = new LiftRestriction { SubjectId = subjectId, IdempotencyKey = http.IdempotencyKey(), Reason = body?.Reason };
        return TypedResults.Ok(await grains.Subject(subjectId).LiftRestrictionAsync(command, http.Actor()));
    }
}
