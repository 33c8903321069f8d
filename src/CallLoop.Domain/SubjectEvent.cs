namespace CallLoop.Domain;

/// <summary>
/// Base of every fact recorded in a data subject's stream. Concrete events are stored by Marten under
/// the names pinned in <see cref="EventTypeNames"/>, so they are never renamed or reshaped once shipped.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.subject-event")]
public abstract record SubjectEvent
{
    [Id(0)]
    public string SubjectId { get; init; } = string.Empty;

    /// <summary>When the fact was recorded (UTC).</summary>
    [Id(1)]
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Key of the command that produced the event, used to ignore retries.</summary>
    [Id(2)]
    public string? IdempotencyKey { get; init; }

    /// <summary>What the key was bound to (<see cref="Domain.IdempotencyFingerprint"/>); absent on events recorded before keys were bound.</summary>
    [Id(3)]
    public string? IdempotencyFingerprint { get; init; }
}
