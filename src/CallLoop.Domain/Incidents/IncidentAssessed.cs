namespace CallLoop.Domain;

/// <summary>The affected subjects were found and counted per jurisdiction (the ids are kept apart, per incident).</summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-assessed")]
public sealed record IncidentAssessed : IncidentEvent
{
    [Id(0)]
    public int Assessment { get; init; }

    [Id(1)]
    public IReadOnlyList<AffectedJurisdiction> Jurisdictions { get; init; } = [];
}
