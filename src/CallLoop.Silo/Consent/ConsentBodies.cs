using CallLoop.Domain;
using CallLoop.Silo.Http;

namespace CallLoop.Silo.Consent;

/// <summary><c>basis</c> defaults to express (opt-in), the basis every purpose accepts.</summary>
public sealed record GrantConsentBody(string? Purpose, string? Basis, string? NoticeVersion, string? Channel, string? Evidence, string? GrantedAt = null)
{
    public GrantConsent ToCommand(string subjectId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        Purpose = BodyFields.Enum<ConsentPurpose>(Purpose, "purpose"),
        Basis = BodyFields.OptionalEnum<ConsentBasis>(Basis, "basis") ?? ConsentBasis.Express,
        NoticeVersion = NoticeVersion ?? string.Empty,
        Channel = Channel,
        Evidence = Evidence,
        GrantedAt = BodyFields.OptionalTime(GrantedAt, "grantedAt"),
    };
}

public sealed record WithdrawConsentBody(string? Channel, string? Evidence);
