using CallLoop.Domain;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Audit;

/// <summary>The audited read of a subject's personal values, and the trail of such reads.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var subject = routes.MapGroup("/api/subjects/{subjectId}").WithTags("Read audit");
        subject.MapGet("/personal-data", ReadPersonalDataAsync).WithName("ReadPersonalData").RequireAuthorization(AccessPolicies.PrivacyOfficer);
        subject.MapGet("/audit", GetAuditTrailAsync).WithName("GetReadAudit").RequireAuthorization(AccessPolicies.PrivacyOfficerOrAdmin);
        return subject;
    }

    /// <summary>The full profile, once the read is recorded; <c>purpose</c> is required.</summary>
    public static async Task<Ok<SubjectProfile>> ReadPersonalDataAsync(string subjectId, string? purpose, string? requestId, IGrainFactory grains, HttpContext http)
    {
        var subject = grains.Subject(subjectId);
        return TypedResults.Ok(await subject.ReadPersonalDataAsync(http.Access(purpose, requestId)));
    }

    public static async Task<Ok<AccessRecord[]>> GetAuditTrailAsync(string subjectId, IGrainFactory grains) =>
        TypedResults.Ok((await grains.Subject(subjectId).GetAuditTrailAsync()).ToArray());
}
