using CallLoop.Domain;
using CallLoop.EventStore.Phones;
using CallLoop.Silo.Http;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CallLoop.Silo.Signals;

/// <summary>Signals that arrive without a logged-in subject: a browser's GPC header, a texted keyword.</summary>
public static class SignalsApi
{
    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/signals/gpc", GpcAsync).WithTags("Signals").WithName("ReceiveGpcSignal");
        routes.MapPost("/api/sms/inbound", InboundSmsAsync).WithTags("Signals").WithName("ReceiveInboundSms");
        return routes;
    }

    public static async Task<Ok<SubjectProfile>> GpcAsync(GpcSignalBody body, IGrainFactory grains, HttpContext http)
    {
        var subjectId = BodyFields.Id(body.SubjectId, "subjectId");
        var command = new ReceiveGpcSignal { SubjectId = subjectId, IdempotencyKey = http.IdempotencyKey() };
        return TypedResults.Ok(await grains.Subject(subjectId).ReceiveGpcSignalAsync(command, http.Actor()));
    }

    public static async Task<Results<Ok<InboundSmsResult>, ProblemHttpResult>> InboundSmsAsync(
        InboundSmsBody body, PhoneIndex phones, IGrainFactory grains, HttpContext http)
    {
        var from = PhoneNumber.Normalize(BodyFields.Id(body.From, "from"), "from");
        var subjectId = await phones.FindSubjectAsync(from, http.RequestAborted);
        if (subjectId is null)
        {
            // Never echo the number: the sender may not be anyone we know.
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not found.",
                Detail = "No subject is known by the sending phone number.",
            });
        }

        var command = new ReceiveSmsKeyword { SubjectId = subjectId, IdempotencyKey = http.IdempotencyKey(), Body = body.Body! };
        var profile = await grains.Subject(subjectId).ReceiveSmsKeywordAsync(command, http.Actor());
        var keyword = EnumText.ToText(SmsKeywords.Classify(body.Body));
        var optedOut = profile.OptOuts.Any(o => o.Scope == OptOutScope.MarketingSms);
        return TypedResults.Ok(new InboundSmsResult(subjectId, keyword, optedOut));
    }
}
