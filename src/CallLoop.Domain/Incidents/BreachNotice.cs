namespace CallLoop.Domain;

/// <summary>The text of the notice to the people of one jurisdiction, by section, and as one plain text.</summary>
[GenerateSerializer, Immutable, Alias("callloop.breach-notice")]
public sealed record BreachNotice
{
    [Id(0)]
    public string IncidentId { get; init; } = string.Empty;

    [Id(1)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(2)]
    public string Title { get; init; } = string.Empty;

    [Id(3)]
    public IReadOnlyList<BreachNoticeSection> Sections { get; init; } = [];

    [Id(4)]
    public string Text { get; init; } = string.Empty;
}

[GenerateSerializer, Immutable, Alias("callloop.breach-notice-section")]
public sealed record BreachNoticeSection
{
    [Id(0)]
    public string Heading { get; init; } = string.Empty;

    [Id(1)]
    public string Body { get; init; } = string.Empty;
}
