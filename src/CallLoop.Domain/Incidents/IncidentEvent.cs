namespace CallLoop.Domain;

/// <summary>
/// Base of every fact recorded in an incident's own stream (apart from the subjects' streams). Stored under the
/// names pinned in <see cref="IncidentEventTypeNames"/>, so never renamed or reshaped once shipped.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.incident-event")]
public abstract record IncidentEvent
{
    [Id(0)]
    public string IncidentId { get; init; } = string.Empty;

    /// <summary>When the fact was recorded (UTC).</summary>
    [Id(1)]
    public DateTimeOffset OccurredAt { get; init; }
}
