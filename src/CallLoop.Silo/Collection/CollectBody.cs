using CallLoop.Domain;
using CallLoop.Silo.Http;

namespace CallLoop.Silo.Collection;

public sealed record CollectBody(
    string? Category,
    string? Source,
    string? SourceDetail,
    IReadOnlyList<string?>? Purposes,
    Dictionary<string, string>? Data,
    string? CollectedAt)
{
    public CollectPersonalInformation ToCommand(string subjectId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        Category = BodyFields.Enum<PersonalInformationCategory>(Category, "category"),
        Source = BodyFields.Enum<CollectionSource>(Source, "source"),
        SourceDetail = SourceDetail,
        Purposes = BodyFields.Enums<ProcessingPurpose>(Purposes, "purposes"),
        Data = Data ?? [],
        CollectedAt = BodyFields.OptionalTime(CollectedAt, "collectedAt"),
    };
}
