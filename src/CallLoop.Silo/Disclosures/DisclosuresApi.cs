using CallLoop.Domain;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Disclosures;

public static class DisclosuresApi
{
    public static RouteGroupBuilder MapDisclosuresApi(this IEndpointRouteBuilder routes)
    {
        var disclosures = routes.MapGroup("/api/subjects/{subjectId}/disclosures").WithTags("Disclosures").RequireAuthorization(AccessPolicies.Service);
        disclosures.MapPost("", DiscloseAsync).WithName("DiscloseInformation");
        return disclosures;
    }

    public static async Task<Ok<SubjectProfile>> DiscloseAsync(string subjectId, DisclosureBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).DiscloseAsync(body.ToCommand(subjectId, http.IdempotencyKey()), http.Actor()));
}
