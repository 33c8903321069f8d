using CallLoop.Domain;
using CallLoop.Silo.Http;

namespace CallLoop.Silo.Requests;

public sealed record AgentBody(string? Name, string? ProofOfAuthorization);

/// <summary><c>receivedAt</c> defaults to now; the statutory clock starts there.</summary>
public sealed record ReceiveRequestBody(string? RequestId, string? Type, string? ReceivedAt, string? Channel, AgentBody? Agent)
{
    public ReceiveRightsRequest ToCommand(string subjectId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        RequestId = BodyFields.Id(RequestId, "requestId"),
        Type = BodyFields.Enum<RightsRequestType>(Type, "type"),
        ReceivedAt = BodyFields.OptionalTime(ReceivedAt, "receivedAt"),
        Channel = BodyFields.Enum<RequestChannel>(Channel, "channel"),
        Agent = Agent is null ? null : new AuthorizedAgent { Name = Agent.Name ?? string.Empty, ProofOfAuthorization = Agent.ProofOfAuthorization ?? string.Empty },
    };
}
