namespace CallLoop.Contracts.Incidents;

[GenerateSerializer, Immutable, Alias("callloop.incident-subject-page")]
public sealed record IncidentSubjectPage
{
    [Id(0)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(1)]
    public IReadOnlyList<IncidentSubjectEntry> Items { get; init; } = [];

    /// <summary>Pass as <c>after</c> for the next page; null on the last page.</summary>
    [Id(2)]
    public string? Next { get; init; }
}

[GenerateSerializer, Immutable, Alias("callloop.incident-subject-entry")]
public sealed record IncidentSubjectEntry
{
    [Id(0)]
    public string SubjectId { get; init; } = string.Empty;

    [Id(1)]
    public DateTimeOffset? NoticedAt { get; init; }
}
