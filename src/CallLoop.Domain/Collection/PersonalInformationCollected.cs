namespace CallLoop.Domain;

/// <summary>Personal information in one CCPA category was collected.</summary>
[GenerateSerializer, Immutable, Alias("callloop.personal-information-collected")]
public sealed record PersonalInformationCollected : SubjectEvent
{
    [Id(0)]
    public PersonalInformationCategory Category { get; init; }

    [Id(1)]
    public CollectionSource Source { get; init; }

    /// <summary>e.g. public-database, marketing-partner, social-media, google-sign-in.</summary>
    [Id(2)]
    public string? SourceDetail { get; init; }

    [Id(3)]
    public IReadOnlyList<ProcessingPurpose> Purposes { get; init; } = [];

    /// <summary>Field name to value, e.g. email, phone, name, ip.</summary>
    [Id(4)]
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    [Id(5)]
    public DateTimeOffset CollectedAt { get; init; }

    /// <summary>True when every purpose is legal-compliance or security.</summary>
    [Id(6)]
    public bool LegalOrSecurityOnly { get; init; }
}
