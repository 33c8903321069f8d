using CallLoop.Domain;
using CallLoop.Silo.Http;

namespace CallLoop.Silo.LegalHolds;

public sealed record LegalHoldBody(string? HoldId, IReadOnlyList<string?>? Categories, string? Reason)
{
    public PlaceLegalHold ToCommand(string subjectId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        HoldId = BodyFields.Id(HoldId, "holdId"),
        Categories = BodyFields.Enums<PersonalInformationCategory>(Categories, "categories"),
        Reason = Reason ?? string.Empty,
    };
}

public sealed record ReleaseLegalHoldBody(string? Reason);
