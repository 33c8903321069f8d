namespace CallLoop.Domain;

[GenerateSerializer, Immutable, Alias("callloop.jurisdiction-notice-count")]
public sealed record JurisdictionNoticeCount
{
    [Id(0)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(1)]
    public long Count { get; init; }
}
