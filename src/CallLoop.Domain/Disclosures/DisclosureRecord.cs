namespace CallLoop.Domain;

/// <summary>One disclosure of personal information to a recipient.</summary>
[GenerateSerializer, Immutable, Alias("callloop.disclosure-record")]
public sealed record DisclosureRecord
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
    public ImmutableList<PersonalInformationCategory> Categories { get; set; } = [];

    [Id(5)]
    public bool LegalOrSecurity { get; set; }

    [Id(6)]
    public DateTimeOffset DisclosedAt { get; set; }
}
