namespace CallLoop.Domain;

/// <summary>The latest consent decision for one purpose, with its evidence.</summary>
[GenerateSerializer, Immutable, Alias("callloop.consent-record")]
public sealed record ConsentRecord
{
    [Id(0)]
    public ConsentPurpose Purpose { get; set; }

    /// <summary>True while granted and not withdrawn.</summary>
    [Id(1)]
    public bool Granted { get; set; }

    [Id(2)]
    public ConsentBasis Basis { get; set; }

    [Id(3)]
    public string NoticeVersion { get; set; } = string.Empty;

    [Id(4)]
    public string? Channel { get; set; }

    [Id(5)]
    public string? Evidence { get; set; }

    [Id(6)]
    public DateTimeOffset? GrantedAt { get; set; }

    [Id(7)]
    public DateTimeOffset? WithdrawnAt { get; set; }

    [Id(8)]
    public string? WithdrawalEvidence { get; set; }
}
