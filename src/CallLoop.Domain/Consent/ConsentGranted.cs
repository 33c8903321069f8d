namespace CallLoop.Domain;

/// <summary>The subject consented to a purpose.</summary>
[GenerateSerializer, Immutable, Alias("callloop.consent-granted")]
public sealed record ConsentGranted : SubjectEvent
{
    [Id(0)]
    public ConsentPurpose Purpose { get; init; }

    [Id(1)]
    public ConsentBasis Basis { get; init; }

    [Id(2)]
    public string NoticeVersion { get; init; } = string.Empty;

    [Id(3)]
    public string? Channel { get; init; }

    [Id(4)]
    public string? Evidence { get; init; }

    /// <summary>When the consent was captured; null (and in events before it existed) means when it was recorded.</summary>
    [Id(5)]
    public DateTimeOffset? GrantedAt { get; init; }
}
