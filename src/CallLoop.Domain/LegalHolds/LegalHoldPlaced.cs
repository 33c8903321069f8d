namespace CallLoop.Domain;

/// <summary>Categories must be kept despite deletion, for a legal reason.</summary>
[GenerateSerializer, Immutable, Alias("callloop.legal-hold-placed")]
public sealed record LegalHoldPlaced : SubjectEvent
{
    [Id(0)]
    public string HoldId { get; set; } = string.Empty;

    [Id(1)]
    public IReadOnlyList<PersonalInformationCategory> Categories { get; set; } = [];

    [Id(2)]
    public string Reason { get; set; } = string.Empty;
}
