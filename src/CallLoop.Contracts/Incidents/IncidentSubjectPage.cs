namespace CallLoop.Contracts.Incidents;

[GenerateSerializer, Immutable, Alias("callloop.incident-subject-page")]
public sealed record IncidentSubjectPage
{
    [Id(0)]
    public string Jurisdiction { get; set; } = string.Empty;

    [Id(1)]
    public IReadOnlyList<IncidentSubjectEntry> Items { get; set; } = [];

    /// <summary>Pass as <c>after</c> for the next page; null on the last page.</summary>
    [Id(2)]
    public string? Next { get; set; }
}

[GenerateSerializer, Immutable, Alias("callloop.incident-subject-entry")]
public sealed record IncidentSubjectEntry
{
    [Id(0)]
    public string SubjectId { get; set; } = string.Empty;

    [Id(1)]
    public DateTimeOffset? NoticedAt { get; set; }
}
