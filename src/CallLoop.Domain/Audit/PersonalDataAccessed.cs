namespace CallLoop.Domain;

/// <summary>Someone read the subject's personal values: who, why, through which read, and which categories were held.</summary>
[GenerateSerializer, Immutable, Alias("callloop.personal-data-accessed")]
public sealed record PersonalDataAccessed : SubjectEvent
{
    [Id(0)]
    public string AccessedBy { get; set; } = string.Empty;

    [Id(1)]
    public AccessPurpose Purpose { get; set; }

    [Id(2)]
    public AccessedView View { get; set; }

    [Id(3)]
    public string? RequestId { get; set; }

    [Id(4)]
    public IReadOnlyList<PersonalInformationCategory> Categories { get; set; } = [];
}
