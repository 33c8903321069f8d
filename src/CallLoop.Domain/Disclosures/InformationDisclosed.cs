namespace CallLoop.Domain;

/// <summary>Personal information was disclosed to a recipient.</summary>
[GenerateSerializer, Immutable, Alias("callloop.personal-information-disclosed")]
public sealed record InformationDisclosed : SubjectEvent
{
    [Id(0)]
    public string DisclosureId { get; set; } = string.Empty;

    [Id(1)]
    public string Recipient { get; set; } = string.Empty;

    [Id(2)]
    public RecipientType RecipientType { get; set; }

    [Id(3)]
    public DisclosurePurpose Purpose { get; set; }

    [Id(4)]
    public IReadOnlyList<PersonalInformationCategory> Categories { get; set; } = [];

    [Id(5)]
    public bool LegalOrSecurity { get; set; }

    [Id(6)]
    public DateTimeOffset DisclosedAt { get; set; }
}
