using CallLoop.Domain;
using CallLoop.Silo.Http;

namespace CallLoop.Silo.Consent;

/// <summary>
/// <c>basis</c> defaults to express (opt-in); US marketing texts need <c>express-written</c> with a <c>signatureMethod</c>
/// and evidence. <c>consentedNumber</c> defaults to the subject's phone; <c>grantedAt</c> (when captured) to now.
/// </summary>
public sealed record GrantConsentBody(
    string? Purpose,
    string? Basis,
    string? NoticeVersion,
    string? Channel,
    string? Evidence,
    string? GrantedAt = null,
    string? SignatureMethod = null,
    string? ImpliedBy = null,
    string? ConsentedNumber = null)
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
        SignatureMethod = BodyFields.OptionalEnum<SignatureMethod>(SignatureMethod, "signatureMethod"),
        ImpliedBy = BodyFields.OptionalEnum<ImpliedBy>(ImpliedBy, "impliedBy"),
        ConsentedNumber = ConsentedNumber,
    };
}

public sealed record WithdrawConsentBody(string? Channel, string? Evidence);
