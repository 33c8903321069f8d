namespace CallLoop.Domain;

/// <summary>The subject moved to another jurisdiction; requests already received keep their original deadlines.</summary>
[GenerateSerializer, Immutable, Alias("callloop.residency-changed")]
public sealed record ResidencyChanged : SubjectEvent
{
    [Id(0)]
    public string PreviousJurisdiction { get; init; } = string.Empty;

    [Id(1)]
    public string Jurisdiction { get; init; } = string.Empty;
}
