using CallLoop.Domain;
using CallLoop.Silo.Http;

namespace CallLoop.Silo.Subjects;

public sealed record RegisterSubjectBody(string? Jurisdiction, string? Email, string? Phone, string? Name, string? BirthDate, string? TimeZone = null)
{
    public RegisterSubject ToCommand(string subjectId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        Jurisdiction = Jurisdiction ?? string.Empty,
        Email = Email,
        Phone = Phone,
        Name = Name,
        BirthDate = BodyFields.OptionalDate(BirthDate, "birthDate"),
        TimeZone = TimeZone,
    };
}
