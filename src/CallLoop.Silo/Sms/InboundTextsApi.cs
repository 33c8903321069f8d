using CallLoop.Domain;
using CallLoop.EventStore.Phones;
using CallLoop.EventStore.Telemetry;
using CallLoop.Silo.Http;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Sms;

/// <summary>
/// Inbound texts. A STOP belongs to the number: it suppresses the number (binding whoever holds it later, for
/// consents dated before it) and opts out every subject holding it. The text is classified here and never stored
/// or logged; its classification and reason are.
/// </summary>
public static class InboundTextsApi
{
    public static IEndpointRouteBuilder MapInboundTextsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/sms/inbound", ReceiveAsync).WithTags("Text messages").WithName("ReceiveInboundSms").RequireAuthorization(AccessPolicies.Service);
        return routes;
    }

    public static async Task<Ok<InboundTextResult>> ReceiveAsync(
        InboundTextBody body, PhoneIndex phones, IGrainFactory grains, IConfiguration configuration, TimeProvider clock, ILoggerFactory logs, HttpContext http)
    {
        var from = PhoneNumber.Normalize(BodyFields.Id(body.From, "from"), "from");
        if (body.Body is null)
        {
            throw new InvalidCommandException("body", "Field 'body' is required.");
        }

        if (body.Body.Length > InboundTextClassifier.MaxLength)
        {
            throw new InvalidCommandException("body", $"Field 'body' must be at most {InboundTextClassifier.MaxLength} characters.");
        }

        var now = clock.GetUtcNow();
        var receivedAt = BodyFields.OptionalTime(body.ReceivedAt, "receivedAt") ?? now;
        if (receivedAt > now.AddMinutes(5))
        {
            throw new InvalidCommandException("receivedAt", "Field 'receivedAt' must not be in the future.");
        }

        var cancellation = http.RequestAborted;
        var suppression = await phones.FindSuppressionAsync(from, cancellation);
        var classification = InboundTextClassifier.Classify(body.Body, awaitingResubscribe: suppression is { InForce: true });

        // The number first: should a holder's grain fail, the STOP still binds everyone holding the number.
        if (NumberSuppressionDecision.Decide(suppression, classification, receivedAt, http.IdempotencyKey()) is { } next)
        {
            await phones.SaveSuppressionAsync(from, next, cancellation);
            suppression = next;
        }

        var holders = await phones.FindSubjectsAsync(from, cancellation);
        foreach (var subjectId in holders)
        {
            var command = new ReceiveSmsKeyword { SubjectId = subjectId, IdempotencyKey = http.IdempotencyKey(), Classification = classification };
            await grains.Subject(subjectId).ReceiveSmsKeywordAsync(command, http.Actor());
        }

        var kind = EnumText.ToText(classification.Kind);
        PrivacyMetrics.SmsInbound.Add(1, PrivacyMetrics.Tags(("classification", kind)));
        logs.CreateLogger(typeof(InboundTextsApi)).LogInformation(
            "Inbound text classified {Classification} ({Reason}) for {Holders} holder(s)", kind, classification.Reason, holders.Count);

        var reply = InboundTextReply.For(classification.Kind, receivedAt, SmsSettings.HelpText(configuration));
        return TypedResults.Ok(new InboundTextResult(kind, classification.Reason, holders, suppression is { InForce: true }, reply));
    }
}
