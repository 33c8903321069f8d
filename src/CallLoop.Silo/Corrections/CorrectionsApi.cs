using CallLoop.Domain;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Corrections;

public static class CorrectionsApi
{
    public static RouteGroupBuilder MapCorrectionsApi(this IEndpointRouteBuilder routes)
    {
        var corrections = routes.MapGroup("/api/subjects/{subjectId}/corrections").WithTags("Corrections").RequireAuthorization(AccessPolicies.ServiceOrPrivacyOfficer);
        corrections.MapPost("", CorrectAsync).WithName("CorrectInformation");
        return corrections;
    }

    public static async Task<Ok<SubjectProfile>> CorrectAsync(string subjectId, CorrectionBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).CorrectAsync(body.ToCommand(subjectId, http.IdempotencyKey()), http.Actor()));
}
