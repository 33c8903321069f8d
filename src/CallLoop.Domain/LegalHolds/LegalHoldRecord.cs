namespace CallLoop.Domain;

/// <summary>A legal hold in force: these categories survive erasure until released.</summary>
[GenerateSerializer, Immutable, Alias("callloop.legal-hold-record")]
public sealed record LegalHoldRecord
{
    [Id(0)]
    public string HoldId { get; init; } = string.Empty;

    [Id(1)]
    public ImmutableList<PersonalInformationCategory> Categories { get; init; } = [];

    [Id(2)]
    public string Reason { get; init; } = string.Empty;

    [Id(3)]
    public DateTimeOffset PlacedAt { get; init; }
}
