namespace CallLoop.Domain;

/// <summary>A legal hold ended.</summary>
[GenerateSerializer, Immutable, Alias("callloop.legal-hold-released")]
public sealed record LegalHoldReleased : SubjectEvent
{
    [Id(0)]
    public string HoldId { get; init; } = string.Empty;

    [Id(1)]
    public string? Reason { get; init; }
}
