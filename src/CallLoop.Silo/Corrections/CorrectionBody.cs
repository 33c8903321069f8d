using CallLoop.Domain;
using CallLoop.Silo.Http;

namespace CallLoop.Silo.Corrections;

/// <summary><c>requestId</c> links the correction to the correct request it fulfils, when there is one.</summary>
public sealed record CorrectionBody(string? Category, string? Field, string? NewValue, string? RequestId)
{
    public CorrectInformation ToCommand(string subjectId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        Category = BodyFields.Enum<PersonalInformationCategory>(Category, "category"),
        Field = Field ?? string.Empty,
        NewValue = NewValue ?? string.Empty,
        RequestId = RequestId,
    };
}
