namespace CallLoop.Domain;

/// <summary>The latest consent decision for one purpose, with its evidence.</summary>
[GenerateSerializer, Immutable, Alias("callloop.consent-record")]
public sealed record ConsentRecord
{
    [Id(0)]
    public ConsentPurpose Purpose { get; init; }

    /// <summary>True while granted and not withdrawn.</summary>
    [Id(1)]
    public bool Granted { get; init; }

    [Id(2)]
    public ConsentBasis Basis { get; init; }

    [Id(3)]
    public string NoticeVersion { get; init; } = string.Empty;

    [Id(4)]
    public string? Channel { get; init; }

    [Id(5)]
    public string? Evidence { get; init; }

    [Id(6)]
    public DateTimeOffset? GrantedAt { get; init; }

    [Id(7)]
    public DateTimeOffset? WithdrawnAt { get; init; }

    [Id(8)]
    public string? WithdrawalEvidence { get; init; }

    [Id(9)]
    public SignatureMethod? SignatureMethod { get; init; }

    [Id(10)]
    public ImpliedBy? ImpliedBy { get; init; }

    /// <summary>The number a text-message consent names (a personal value: withheld from the plain profile).</summary>
    [Id(11)]
    public string? ConsentedNumber { get; init; }

    /// <summary>The channel the withdrawal came through (events before it was kept: null).</summary>
    [Id(12)]
    public string? WithdrawalChannel { get; init; }

    /// <summary>The withdraw-consent request the withdrawal fulfilled, if any.</summary>
    [Id(13)]
    public string? WithdrawalRequestId { get; init; }
}
