using CallLoop.Contracts.Subjects;

namespace CallLoop.Silo.Subjects;

internal static class HttpCommandContext
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static string? IdempotencyKey(this HttpContext http) =>
        http.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var key) && !string.IsNullOrWhiteSpace(key) ? key.ToString() : null;

    /// <summary>Who acted: the authenticated caller's name, recorded on the events it produces.</summary>
    public static string? Actor(this HttpContext http) => http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null;

    /// <summary>The subject's grain, once the id has the shape of a subject id (Orleans refuses blank keys with an untyped error).</summary>
    public static IDataSubjectGrain Subject(this IGrainFactory grains, string subjectId) =>
        grains.GetGrain<IDataSubjectGrain>(CallLoop.Domain.SubjectIds.Validate(subjectId));
}
