namespace CallLoop.Domain;

/// <summary>Personal information was disclosed to a recipient.</summary>
[GenerateSerializer, Immutable, Alias("callloop.personal-information-disclosed")]
public sealed record InformationDisclosed : SubjectEvent
{
    [Id(0)]
    public string DisclosureId { get; init; } = string.Empty;

    [Id(1)]
    public string Recipient { get; init; } = string.Empty;

    [Id(2)]
    public RecipientType RecipientType { get; init; }

    [Id(3)]
    public DisclosurePurpose Purpose { get; init; }

    [Id(4)]
    public IReadOnlyList<PersonalInformationCategory> Categories { get; init; } = [];

    [Id(5)]
    public bool LegalOrSecurity { get; init; }

    [Id(6)]
    public DateTimeOffset DisclosedAt { get; init; }

    /// <summary>A direct-marketing disclosure for which nothing of value was received (not counted as sold).</summary>
    [Id(7)]
    public bool NoValuableConsideration { get; init; }
}
