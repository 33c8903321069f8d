namespace CallLoop.Domain;

/// <summary>Categories must be kept despite deletion, for a legal reason.</summary>
[GenerateSerializer, Immutable, Alias("callloop.legal-hold-placed")]
public sealed record LegalHoldPlaced : SubjectEvent
{
    [Id(0)]
    public string HoldId { get; init; } = string.Empty;

    [Id(1)]
    public IReadOnlyList<PersonalInformationCategory> Categories { get; init; } = [];

    [Id(2)]
    public string Reason { get; init; } = string.Empty;
}
