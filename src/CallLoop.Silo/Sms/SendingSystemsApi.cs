using CallLoop.Domain;
using CallLoop.EventStore.Phones;
using CallLoop.Silo.Http;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Sms;

/// <summary>What a sending system calls around every text: may this number be texted now, and what was sent.</summary>
public static class SendingSystemsApi
{
    public static IEndpointRouteBuilder MapSendingSystemsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/phones/{e164}/contactability", CanTextNumberAsync).WithTags("Text messages").WithName("GetPhoneContactability").RequireAuthorization(AccessPolicies.ServiceOrPrivacyOfficer);
        routes.MapPost("/api/subjects/{subjectId}/messages", RecordSentAsync).WithTags("Text messages").WithName("RecordMessageSent").RequireAuthorization(AccessPolicies.Service);
        return routes;
    }

    /// <summary>
    /// The number as a whole: a suppressed number, or any holder who may not be texted, answers not allowed. A lasting
    /// reason wins over a passing one (quiet hours, frequency), and among passing ones the latest <c>nextAllowedAt</c>.
    /// </summary>
    public static async Task<Ok<ContactDecision>> CanTextNumberAsync(
        string e164, string? kind, string? at, string? topic, PhoneIndex phones, IGrainFactory grains, TimeProvider clock, HttpContext http)
    {
        var number = PhoneNumber.Normalize(e164, "e164");
        var messageKind = BodyFields.OptionalEnum<MessageKind>(kind, "kind") ?? MessageKind.Marketing;
        var sendAt = BodyFields.OptionalTime(at, "at") ?? clock.GetUtcNow();
        var holders = await phones.FindSubjectsAsync(number, http.RequestAborted);
        if (holders.Count == 0)
        {
            var suppression = await phones.FindSuppressionAsync(number, http.RequestAborted);
            return TypedResults.Ok(ContactDecision.Deny(suppression is { InForce: true } ? "number-suppressed" : "number-unknown"));
        }

        var decisions = new List<ContactDecision>();
        foreach (var subjectId in holders)
        {
            decisions.Add(await grains.Subject(subjectId).CanContactAsync(ContactChannel.Sms, messageKind, sendAt, string.IsNullOrWhiteSpace(topic) ? null : topic));
        }

        var refused = decisions.Where(d => !d.Allowed).ToArray();
        if (refused.Length == 0)
        {
            return TypedResults.Ok(decisions[0]);
        }

        return TypedResults.Ok(refused.FirstOrDefault(d => d.NextAllowedAt is null) ?? refused.MaxBy(d => d.NextAllowedAt)!);
    }

    public static async Task<Ok<SubjectProfile>> RecordSentAsync(string subjectId, MessageBody body, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Subject(subjectId).RecordMessageSentAsync(body.ToCommand(subjectId, http.IdempotencyKey()), http.Actor()));
}
