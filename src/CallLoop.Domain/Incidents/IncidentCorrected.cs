namespace CallLoop.Domain;

/// <summary>The incident's facts were corrected (replaced as a whole); the reason says why.</summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-corrected")]
public sealed record IncidentCorrected : IncidentEvent
{
    [Id(0)]
    public IncidentFacts Facts { get; init; } = new();

    [Id(1)]
    public string Reason { get; init; } = string.Empty;
}
