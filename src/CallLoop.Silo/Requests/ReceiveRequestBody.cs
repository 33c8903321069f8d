using CallLoop.Domain;
using CallLoop.Silo.Http;

namespace CallLoop.Silo.Requests;

public sealed record AgentBody(string? Name, string? ProofOfAuthorization);

/// <summary>
/// <c>receivedAt</c> defaults to now; the statutory clock starts there. <c>consentPurposes</c>: for withdraw-consent,
/// the consents to withdraw (none: all). <c>jurisdiction</c>: required when the requester is not a registered subject.
/// </summary>
public sealed record ReceiveRequestBody(string? RequestId, string? Type, string? ReceivedAt, string? Channel, AgentBody? Agent, IReadOnlyList<string?>? ConsentPurposes = null, string? Jurisdiction = null)
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
        ConsentPurposes = BodyFields.Enums<ConsentPurpose>(ConsentPurposes, "consentPurposes"),
        Jurisdiction = Jurisdiction,
    };
}
