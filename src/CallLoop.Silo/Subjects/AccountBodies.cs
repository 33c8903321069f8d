using CallLoop.Domain;

namespace CallLoop.Silo.Subjects;

public sealed record DeactivateAccountBody(string? Reason)
{
    public DeactivateAccount ToCommand(string subjectId, string? idempotencyKey) =>
        new() { SubjectId = subjectId, IdempotencyKey = idempotencyKey, Reason = Reason ?? string.Empty };
}

public sealed record ChangeResidencyBody(string? Jurisdiction)
{
    public ChangeResidency ToCommand(string subjectId, string? idempotencyKey) =>
        new() { SubjectId = subjectId, IdempotencyKey = idempotencyKey, Jurisdiction = Jurisdiction ?? string.Empty };
}
