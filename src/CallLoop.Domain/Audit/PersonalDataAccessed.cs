namespace CallLoop.Domain;

/// <summary>Someone read the subject's personal values: who, why, through which read, and which categories were held.</summary>
[GenerateSerializer, Immutable, Alias("callloop.personal-data-accessed")]
public sealed record PersonalDataAccessed : SubjectEvent
{
    [Id(0)]
    public string AccessedBy { get; init; } = string.Empty;

    [Id(1)]
    public AccessPurpose Purpose { get; init; }

    [Id(2)]
    public AccessedView View { get; init; }

    [Id(3)]
    public string? RequestId { get; init; }

    [Id(4)]
    public IReadOnlyList<PersonalInformationCategory> Categories { get; init; } = [];
}
