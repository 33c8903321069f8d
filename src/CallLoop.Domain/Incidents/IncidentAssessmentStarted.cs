namespace CallLoop.Domain;

/// <summary>The search for affected subjects started over the facts as they stood (the reported or corrected window).</summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-assessment-started")]
public sealed record IncidentAssessmentStarted : IncidentEvent
{
    /// <summary>Number of the assessment; a correction invalidates earlier ones.</summary>
    [Id(0)]
    public int Assessment { get; init; }
}
