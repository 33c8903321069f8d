using CallLoop.Domain;
using CallLoop.Silo.Audit;
using CallLoop.Silo.Http;
using CallLoop.Silo.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Subjects;

/// <summary>The subject itself: registration, profile, history, whether we may contact them, account and residency.</summary>
public static class SubjectsApi
{
    public static RouteGroupBuilder MapSubjectsApi(this IEndpointRouteBuilder routes)
    {
        var subjects = routes.MapGroup("/api/subjects/{subjectId}").WithTags("Subjects");

        subjects.MapPut("", RegisterAsync).WithName("RegisterSubject").RequireAuthorization(AccessPolicies.Service);
        subjects.MapGet("", GetProfileAsync).WithName("GetSubjectProfile").RequireAuthorization(AccessPolicies.PrivacyOfficer);
        subjects.MapGet("/history", GetHistoryAsync).WithName("GetSubjectHistory").RequireAuthorization(AccessPolicies.PrivacyOfficer);
        subjects.MapGet("/contactability", CanContactAsync).WithName("GetSubjectContactability").RequireAuthorization(AccessPolicies.ServiceOrPrivacyOfficer);
        subjects.MapPost("/deactivation", DeactivateAsync).WithName("DeactivateAccount").RequireAuthorization(AccessPolicies.PrivacyOfficer);
        subjects.MapPost("/residency", ChangeResidencyAsync).WithName("ChangeResidency").RequireAuthorization(AccessPolicies.Service);
        return subjects;
    }

    public static async Task<Ok<SubjectProfile>> RegisterAsync(string subjectId, RegisterSubjectBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).RegisterAsync(body.ToCommand(subjectId, http.IdempotencyKey()), http.Actor()));

    /// <summary>The profile with personal values withheld: nothing to audit. The values: GET .../personal-data.</summary>
    public static async Task<Ok<SubjectProfile>> GetProfileAsync(string subjectId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Subject(subjectId).GetProfileAsync());

    /// <summary>An audited read (the events carry values): <c>purpose</c> is required; the read audit is left out (GET .../audit).</summary>
    public static async Task<Ok<HistoryEntryResponse[]>> GetHistoryAsync(string subjectId, string? purpose, string? requestId, IGrainFactory grains, HttpContext http)
    {
        var subject = grains.Subject(subjectId);
        return TypedResults.Ok((await subject.ReadHistoryAsync(http.Access(purpose, requestId))).Select(HistoryEntryResponse.From).ToArray());
    }

    /// <summary><c>kind</c> defaults to marketing, the kind that needs consent; <c>at</c> to now; <c>topic</c> to every topic.</summary>
    public static async Task<Ok<ContactDecision>> CanContactAsync(string subjectId, string? channel, string? kind, string? at, string? topic, IGrainFactory grains)
    {
        var contactChannel = BodyFields.Enum<ContactChannel>(channel, "channel");
        var messageKind = BodyFields.OptionalEnum<MessageKind>(kind, "kind") ?? MessageKind.Marketing;
        var sendAt = BodyFields.OptionalTime(at, "at");
        return TypedResults.Ok(await grains.Subject(subjectId).CanContactAsync(contactChannel, messageKind, sendAt, string.IsNullOrWhiteSpace(topic) ? null : topic));
    }

    public static async Task<Ok<SubjectProfile>> DeactivateAsync(string subjectId, DeactivateAccountBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).DeactivateAccountAsync(body.ToCommand(subjectId, http.IdempotencyKey()), http.Actor()));

    public static async Task<Ok<SubjectProfile>> ChangeResidencyAsync(string subjectId, ChangeResidencyBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).ChangeResidencyAsync(body.ToCommand(subjectId, http.IdempotencyKey()), http.Actor()));
}
