using CallLoop.Domain;
using CallLoop.Silo.Http;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Consent;

public static class ConsentApi
{
    public static RouteGroupBuilder MapConsentApi(this IEndpointRouteBuilder routes)
    {
        var consents = routes.MapGroup("/api/subjects/{subjectId}/consents").WithTags("Consent").RequireAuthorization(AccessPolicies.Service);
        consents.MapPost("", GrantAsync).WithName("GrantConsent");
        consents.MapPost("/{purpose}/withdrawal", WithdrawAsync).WithName("WithdrawConsent");
        return consents;
    }

    public static async Task<Ok<SubjectProfile>> GrantAsync(string subjectId, GrantConsentBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).GrantConsentAsync(body.ToCommand(subjectId, http.IdempotencyKey()), http.Actor()));

    /// <summary>The body (channel, evidence) is optional: a bare withdrawal is still a withdrawal.</summary>
    public static async Task<Ok<SubjectProfile>> WithdrawAsync(string subjectId, string purpose, WithdrawConsentBody? body, IGrainFactory grains, HttpContext http)
    {
        var command = new WithdrawConsent
        {
            SubjectId = subjectId,
            IdempotencyKey = http.IdempotencyKey(),
            Purpose = BodyFields.Enum<ConsentPurpose>(purpose, "purpose"),
            Channel = body?.Channel,
            Evidence = body?.Evidence,
        };
        return TypedResults.Ok(await grains.Subject(subjectId).WithdrawConsentAsync(command, http.Actor()));
    }
}
