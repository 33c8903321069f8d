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

    /// <summary>How an express written consent was signed.</summary>
    [Id(6)]
    public SignatureMethod? SignatureMethod { get; init; }

    /// <summary>What an implied consent rests on, dated by <see cref="GrantedAt"/>.</summary>
    [Id(7)]
    public ImpliedBy? ImpliedBy { get; init; }

    /// <summary>The number a text-message consent names; a personal value, sealed in storage.</summary>
    [Id(8)]
    public string? ConsentedNumber { get; init; }
}
