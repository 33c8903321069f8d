using CallLoop.Domain;
using CallLoop.Silo.Http;

namespace CallLoop.Silo.Requests;

/// <summary><c>result</c> is <c>verified</c> (default) or <c>failed</c>; both record the method and the data points matched.</summary>
public sealed record VerificationBody(string? Result, string? Method, int? DataPointsMatched, bool? SignedDeclaration, string? Reason)
{
    public const string Verified = "verified";
    public const string Failed = "failed";

    public bool IsFailure => (Result?.Trim().ToLowerInvariant() ?? Verified) switch
    {
        Verified => false,
        Failed => true,
        _ => throw new InvalidCommandException("result", $"Field 'result' must be one of: {Verified}, {Failed}."),
    };

    public VerifyIdentity ToVerify(string subjectId, string requestId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        RequestId = requestId,
        Method = BodyFields.Enum<VerificationMethod>(Method, "method"),
        DataPointsMatched = DataPointsMatched ?? 0,
        SignedDeclaration = SignedDeclaration ?? false,
    };

    public FailVerification ToFail(string subjectId, string requestId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        RequestId = requestId,
        Method = BodyFields.Enum<VerificationMethod>(Method, "method"),
        DataPointsMatched = DataPointsMatched ?? 0,
        Reason = Reason,
    };
}

public sealed record ExtensionBody(string? Reason);

public sealed record CompletionBody(string? Outcome, string? DenialReason, string? Explanation)
{
    public CompleteRequest ToCommand(string subjectId, string requestId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        RequestId = requestId,
        Outcome = BodyFields.Enum<RequestOutcome>(Outcome, "outcome"),
        DenialReason = BodyFields.OptionalEnum<DenialReason>(DenialReason, "denialReason"),
        Explanation = Explanation,
    };
}

public sealed record AppealBody(string? Reason, string? FiledAt);

public sealed record AppealDecisionBody(string? Outcome, string? Explanation, string? ComplaintTo)
{
    public DecideAppeal ToCommand(string subjectId, string requestId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        RequestId = requestId,
        Outcome = BodyFields.Enum<AppealOutcome>(Outcome, "outcome"),
        Explanation = Explanation ?? string.Empty,
        ComplaintTo = ComplaintTo,
    };
}
