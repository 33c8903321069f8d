using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Recipients;
using CallLoop.Grains.Keys;
using CallLoop.Silo.Http;
using CallLoop.Silo.Security;
using Marten;
using Microsoft.Extensions.Options;

namespace CallLoop.Silo.Processors;

/// <summary>
/// POST /api/processors/{processorId}/acknowledgements. Two proofs: a bearer token allowed on the route
/// (<see cref="Security.AccessPolicies.ServiceOrAdmin"/>), and the body signed with the processor's own secret (headers X-CallLoop-Timestamp and
/// X-CallLoop-Signature) over the acknowledgement's own string, so only the processor that holds the secret can
/// acknowledge its deliveries and a captured webhook never passes for an acknowledgement. Unknown members are refused:
/// the signed body must mean exactly what it says.
/// </summary>
internal static class AcknowledgementsApi
{
    public static RouteGroupBuilder MapAcknowledgements(this RouteGroupBuilder processors)
    {
        processors.MapPost("/{processorId}/acknowledgements", AcknowledgeAsync).WithName("AcknowledgeDelivery").RequireAuthorization(AccessPolicies.ServiceOrAdmin);
        return processors;
    }

    public static async Task<Results<Ok<AcknowledgementAnswer>, ProblemHttpResult>> AcknowledgeAsync(
        string processorId,
        HttpRequest request,
        IQuerySession session,
        IGrainFactory grains,
        SigningSecretSealer sealer,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Recipient>(processorId, cancellationToken) is not { IsProcessor: true } processor)
        {
            return ProcessorsApi.NotFound();
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        if (!WebhookSignature.IsValid(
                sealer.Open(processor.Id, processor.SigningSecret!),
                SignedMessage.Acknowledgement,
                request.Headers[WebhookSignature.TimestampHeader],
                request.Headers[WebhookSignature.SignatureHeader],
                body,
                clock.GetUtcNow()))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Signature missing or invalid.",
                detail: $"Sign '{WebhookSignature.AcknowledgementPrefix}{{timestamp}}.{{body}}' with the processor's secret (HMAC-SHA256) in {WebhookSignature.SignatureHeader}, the timestamp (Unix seconds, within 5 minutes) in {WebhookSignature.TimestampHeader}.",
                extensions: new Dictionary<string, object?> { ["field"] = WebhookSignature.SignatureHeader });
        }

        var acknowledgement = Parse(body, json.Value.SerializerOptions);
        var subjectId = BodyFields.Id(acknowledgement.SubjectId, "subjectId");
        var deliveryId = BodyFields.Id(acknowledgement.DeliveryId, "deliveryId");
        await grains.GetGrain<IDataSubjectGrain>(subjectId).ExecuteAsync(
            new AcknowledgeDelivery { SubjectId = subjectId, DeliveryId = deliveryId, Processor = processor.Id },
            actor: "processor:" + processor.Id);
        return TypedResults.Ok(new AcknowledgementAnswer(deliveryId, subjectId, Acknowledged: true));
    }

    // The signature covers the raw bytes, so the body is read by hand, with the API's own options (unknown members refused).
    private static AcknowledgementBody Parse(byte[] body, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<AcknowledgementBody>(body, options)
                ?? throw new InvalidCommandException("body", "The body must be a JSON object.");
        }
        catch (JsonException error) when (UnknownJsonMember.NameIn(error) is { } member)
        {
            throw new InvalidCommandException(member, UnknownJsonMember.Detail(member));
        }
        catch (JsonException)
        {
            throw new InvalidCommandException("body", "The body must be a JSON object holding deliveryId and subjectId and nothing else.");
        }
    }
}
