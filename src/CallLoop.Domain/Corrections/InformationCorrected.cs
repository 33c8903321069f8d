namespace CallLoop.Domain;

/// <summary>A held value was corrected.</summary>
[GenerateSerializer, Immutable, Alias("callloop.personal-information-corrected")]
public sealed record InformationCorrected : SubjectEvent
{
    [Id(0)]
    public PersonalInformationCategory Category { get; init; }

    [Id(1)]
    public string Field { get; init; } = string.Empty;

    [Id(2)]
    public string NewValue { get; init; } = string.Empty;

    [Id(3)]
    public string? RequestId { get; init; }
}
