namespace CallLoop.Domain;

/// <summary>An open request passed its response deadline without being completed.</summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-overdue")]
public sealed record RightsRequestOverdue : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public RightsRequestType Type { get; init; }

    [Id(2)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(3)]
    public DateTimeOffset DueAt { get; init; }
}
