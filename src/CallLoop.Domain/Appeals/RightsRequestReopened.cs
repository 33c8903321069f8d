namespace CallLoop.Domain;

/// <summary>A reversed appeal reopened the request: it is answered again, by <see cref="DueAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-reopened")]
public sealed record RightsRequestReopened : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public DateTimeOffset ReopenedAt { get; init; }

    [Id(2)]
    public DateTimeOffset DueAt { get; init; }
}
