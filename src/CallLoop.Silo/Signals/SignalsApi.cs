using CallLoop.Domain;
using CallLoop.Silo.Http;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Signals;

/// <summary>Signals that arrive without a logged-in subject: a browser's GPC header (texts: see InboundTextsApi).</summary>
public static class SignalsApi
{
    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/signals/gpc", GpcAsync).WithTags("Signals").WithName("ReceiveGpcSignal").RequireAuthorization(AccessPolicies.Service);
        return routes;
    }

    public static async Task<Ok<SubjectProfile>> GpcAsync(GpcSignalBody body, IGrainFactory grains, HttpContext http)
    {
        var subjectId = BodyFields.Id(body.SubjectId, "subjectId");
        var command = new ReceiveGpcSignal { SubjectId = subjectId, IdempotencyKey = http.IdempotencyKey() };
        return TypedResults.Ok(await grains.Subject(subjectId).ReceiveGpcSignalAsync(command, http.Actor()));
    }
}
