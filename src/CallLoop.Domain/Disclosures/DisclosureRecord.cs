namespace CallLoop.Domain;

/// <summary>One disclosure of personal information to a recipient.</summary>
[GenerateSerializer, Immutable, Alias("callloop.disclosure-record")]
public sealed record DisclosureRecord
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
    public ImmutableList<PersonalInformationCategory> Categories { get; init; } = [];

    [Id(5)]
    public bool LegalOrSecurity { get; init; }

    [Id(6)]
    public DateTimeOffset DisclosedAt { get; init; }

    [Id(7)]
    public bool NoValuableConsideration { get; init; }
}
