using CallLoop.Domain;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.OptOuts;

public static class OptOutsApi
{
    public static IEndpointRouteBuilder MapOptOutsApi(this IEndpointRouteBuilder routes)
    {
        var subject = routes.MapGroup("/api/subjects/{subjectId}").WithTags("Opt-outs").RequireAuthorization(AccessPolicies.Service);
        subject.MapPost("/opt-outs", OptOutAsync).WithName("OptOut");
        subject.MapPost("/opt-ins", OptBackInAsync).WithName("OptBackIn");
        return routes;
    }

    public static async Task<Ok<SubjectProfile>> OptOutAsync(string subjectId, PreferenceBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).OptOutAsync(body.ToOptOut(subjectId, http.IdempotencyKey()), http.Actor()));

    public static async Task<Ok<SubjectProfile>> OptBackInAsync(string subjectId, PreferenceBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).OptBackInAsync(body.ToOptBackIn(subjectId, http.IdempotencyKey()), http.Actor()));
}
