namespace CallLoop.Domain;

/// <summary>
/// A request's receipt confirmation or appeal answer entered its warning window before <see cref="DueAt"/>
/// (the response deadline has its own fact, <see cref="RightsRequestDueSoon"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.request-deadline-due-soon")]
public sealed record RequestDeadlineDueSoon : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public RequestDeadlineKind Deadline { get; init; }

    [Id(2)]
    public RightsRequestType Type { get; init; }

    [Id(3)]
    public string Jurisdiction { get; init; } = string.Empty;

    /// <summary>The deadline this warning is about (an appeal extension moves it, and warrants a new warning).</summary>
    [Id(4)]
    public DateTimeOffset DueAt { get; init; }
}
