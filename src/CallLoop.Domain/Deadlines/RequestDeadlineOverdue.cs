namespace CallLoop.Domain;

/// <summary>A request's receipt confirmation or appeal answer passed its deadline without being given.</summary>
[GenerateSerializer, Immutable, Alias("callloop.request-deadline-overdue")]
public sealed record RequestDeadlineOverdue : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public RequestDeadlineKind Deadline { get; init; }

    [Id(2)]
    public RightsRequestType Type { get; init; }

    [Id(3)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(4)]
    public DateTimeOffset DueAt { get; init; }
}
