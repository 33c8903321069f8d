namespace CallLoop.Domain;

/// <summary>The subject consented to a purpose.</summary>
[GenerateSerializer, Immutable, Alias("callloop.consent-granted")]
public sealed record ConsentGranted : SubjectEvent
{
    [Id(0)]
    public ConsentPurpose Purpose { get; set; }

    [Id(1)]
    public ConsentBasis Basis { get; set; }

    [Id(2)]
    public string NoticeVersion { get; set; } = string.Empty;

    [Id(3)]
    public string? Channel { get; set; }

    [Id(4)]
    public string? Evidence { get; set; }

    /// <summary>When the consent was captured; null (and in events before it existed) means when it was recorded.</summary>
    [Id(5)]
    public DateTimeOffset? GrantedAt { get; set; }
}
