namespace CallLoop.Domain;

/// <summary>Base of every command a data subject's grain decides.</summary>
[GenerateSerializer, Immutable, Alias("callloop.subject-command")]
public abstract record SubjectCommand
{
    [Id(0)]
    public string SubjectId { get; init; } = string.Empty;

    /// <summary>A retry with a key this subject has already seen produces no events.</summary>
    [Id(1)]
    public string? IdempotencyKey { get; init; }
}
