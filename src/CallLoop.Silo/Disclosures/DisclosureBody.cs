using CallLoop.Domain;
using CallLoop.Silo.Http;

namespace CallLoop.Silo.Disclosures;

public sealed record DisclosureBody(
    string? DisclosureId,
    string? Recipient,
    string? RecipientType,
    string? Purpose,
    IReadOnlyList<string?>? Categories,
    bool? LegalOrSecurity,
    string? DisclosedAt,
    bool? NoValuableConsideration = null)
{
    public DiscloseInformation ToCommand(string subjectId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        DisclosureId = DisclosureId,
        Recipient = Recipient ?? string.Empty,
        RecipientType = BodyFields.Enum<RecipientType>(RecipientType, "recipientType"),
        Purpose = BodyFields.Enum<DisclosurePurpose>(Purpose, "purpose"),
        Categories = BodyFields.Enums<PersonalInformationCategory>(Categories, "categories"),
        LegalOrSecurity = LegalOrSecurity ?? false,
        DisclosedAt = BodyFields.OptionalTime(DisclosedAt, "disclosedAt"),
        NoValuableConsideration = NoValuableConsideration ?? false,
    };
}
