using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Subjects;

/// <summary>HTTP face of <see cref="IDataSubjectGrain"/>: each route builds one command and awaits its commit.</summary>
public static class SubjectsApi
{
    public static RouteGroupBuilder MapSubjectsApi(this IEndpointRouteBuilder routes)
    {
        var subjects = routes.MapGroup("/api/subjects").WithTags("Subjects");

        subjects.MapPut("/{subjectId}", RegisterAsync).WithName("RegisterSubject");
        subjects.MapGet("/{subjectId}", GetProfileAsync).WithName("GetSubjectProfile");
        subjects.MapGet("/{subjectId}/history", GetHistoryAsync).WithName("GetSubjectHistory");
        return subjects;
    }

    public static async Task<Ok<SubjectProfile>> RegisterAsync(string subjectId, RegisterSubjectBody body, IGrainFactory grains, HttpContext http)
    {
        var command = new RegisterSubject
        {
            SubjectId = subjectId,
            IdempotencyKey = http.IdempotencyKey(),
            Jurisdiction = body.Jurisdiction ?? string.Empty,
            Email = body.Email,
            Phone = body.Phone,
            Name = body.Name,
            BirthDate = body.BirthDate,
        };
        return TypedResults.Ok(await grains.Subject(subjectId).ExecuteAsync(command, http.Actor()));
    }

    public static async Task<Ok<SubjectProfile>> GetProfileAsync(string subjectId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Subject(subjectId).GetProfileAsync());

    public static async Task<Ok<IReadOnlyList<SubjectHistoryEntry>>> GetHistoryAsync(string subjectId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Subject(subjectId).GetHistoryAsync());
}
