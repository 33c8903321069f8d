using CallLoop.Domain;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Collection;

public static class CollectionsApi
{
    public static RouteGroupBuilder MapCollectionsApi(this IEndpointRouteBuilder routes)
    {
        var collections = routes.MapGroup("/api/subjects/{subjectId}/collections").WithTags("Collection").RequireAuthorization(AccessPolicies.Service);
        collections.MapPost("", CollectAsync).WithName("CollectPersonalInformation");
        return collections;
    }

    public static async Task<Ok<SubjectProfile>> CollectAsync(string subjectId, CollectBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).CollectAsync(body.ToCommand(subjectId, http.IdempotencyKey()), http.Actor()));
}
