using CallLoop.Domain;
using CallLoop.Silo.Http;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Minors;

public static class MinorsApi
{
    public static RouteHandlerBuilder MapMinorsApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/subjects/{subjectId}/minor", DetectAsync).WithTags("Minors").WithName("DetectMinor").RequireAuthorization(AccessPolicies.PrivacyOfficer);

    /// <summary>Deactivates the account and starts erasure, as the policy promises for anyone under 18.</summary>
    public static async Task<Ok<SubjectProfile>> DetectAsync(string subjectId, MinorBody? body, IGrainFactory grains, HttpContext http)
    {
        var command = new DetectMinor
        {
            SubjectId = subjectId,
            IdempotencyKey = http.IdempotencyKey(),
            BirthDate = BodyFields.OptionalDate(body?.BirthDate, "birthDate"),
            Evidence = body?.Evidence,
        };
        return TypedResults.Ok(await grains.Subject(subjectId).DetectMinorAsync(command, http.Actor()));
    }
}
