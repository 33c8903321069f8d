using CallLoop.Domain;
using CallLoop.Silo.Http;
using CallLoop.Silo.Security;
using CallLoop.Silo.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallLoop.Silo.Deliveries;

/// <summary>
/// An admin's way out for a webhook delivery that cannot go through: list a subject's deliveries (e.g. the
/// dead-lettered ones), send one again (a fresh retry budget), or waive it (it then counts as settled for a delete
/// request waiting on processors). Errors are problem details: 400 naming
/// the field, 404 for an unknown subject or delivery, 409 naming the rule (delivery-not-failed, delivery-settled).
/// </summary>
public static class DeliveriesApi
{
    public static RouteGroupBuilder MapDeliveriesApi(this IEndpointRouteBuilder routes)
    {
        var deliveries = routes.MapGroup("/api/subjects/{subjectId}/deliveries").WithTags("Processor deliveries").RequireAuthorization(AccessPolicies.Admin);
        deliveries.MapGet("", ListAsync).WithName("ListDeliveries");
        deliveries.MapPost("/{deliveryId}/redeliver", RedeliverAsync).WithName("RedeliverWebhook");
        deliveries.MapPost("/{deliveryId}/waive", WaiveAsync).WithName("WaiveDelivery");
        return deliveries;
    }

    /// <summary>
    /// The subject's deliveries (optionally only those in <paramref name="status"/>, e.g. dead-lettered), oldest source
    /// event first, from the subject's grain: current as of every acknowledged command.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<DeliveryRecord>>> ListAsync(string subjectId, string? status, IGrainFactory grains)
    {
        var only = BodyFields.OptionalEnum<DeliveryStatus>(status, "status");
        var deliveries = await grains.Subject(subjectId).GetDeliveriesAsync();
        IReadOnlyList<DeliveryRecord> chosen = [.. deliveries.Where(d => only is null || d.Status == only)];
        return TypedResults.Ok(chosen);
    }

    /// <summary>Answers once the re-send is committed; the attempt itself follows at once, then retries with backoff.</summary>
    public static async Task<Accepted<DeliveryActionResponse>> RedeliverAsync(string subjectId, string deliveryId, RedeliverBody? body, IGrainFactory grains, HttpContext http)
    {
        var command = new RedeliverWebhook { SubjectId = subjectId, IdempotencyKey = http.IdempotencyKey(), DeliveryId = deliveryId, Reason = body?.Reason };
        await grains.Subject(subjectId).ExecuteAsync(command, http.Actor());
        return TypedResults.Accepted((string?)null, new DeliveryActionResponse(subjectId, deliveryId, "redelivery-requested"));
    }

    /// <summary>The waiver names the authenticated caller; a delete request it was the last one for completes with it.</summary>
    public static async Task<Ok<DeliveryActionResponse>> WaiveAsync(string subjectId, string deliveryId, WaiveBody? body, IGrainFactory grains, HttpContext http)
    {
        var command = new WaiveDelivery
        {
            SubjectId = subjectId,
            IdempotencyKey = http.IdempotencyKey(),
            DeliveryId = deliveryId,
            Reason = body?.Reason ?? string.Empty,
            WaivedBy = http.Actor() ?? string.Empty,
        };
        await grains.Subject(subjectId).ExecuteAsync(command, http.Actor());
        return TypedResults.Ok(new DeliveryActionResponse(subjectId, deliveryId, "waived"));
    }
}
