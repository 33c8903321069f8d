using CallLoop.Domain;

namespace CallLoop.Contracts.Incidents;

/// <summary>An incident as the privacy officer sees it: its facts, the assessment, and each jurisdiction's obligations.</summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-view")]
public sealed record IncidentView
{
    [Id(0)]
    public string IncidentId { get; init; } = string.Empty;

    [Id(1)]
    public IncidentFacts Facts { get; init; } = new();

    [Id(2)]
    public DateTimeOffset? ReportedAt { get; init; }

    [Id(3)]
    public int Corrections { get; init; }

    [Id(4)]
    public AssessmentProgress Assessment { get; init; } = new();

    [Id(5)]
    public long Affected { get; init; }

    [Id(6)]
    public IReadOnlyList<JurisdictionObligation> Jurisdictions { get; init; } = [];
}
