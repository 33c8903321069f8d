namespace CallLoop.Domain;

/// <summary>A security incident that may have exposed personal information was reported.</summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-reported")]
public sealed record IncidentReported : IncidentEvent
{
    [Id(0)]
    public IncidentFacts Facts { get; init; } = new();
}
