namespace CallLoop.Domain;

/// <summary>A source of personal information, e.g. third-party / marketing-partner.</summary>
[GenerateSerializer, Immutable, Alias("callloop.category-source")]
public sealed record CategorySource
{
    [Id(0)]
    public CollectionSource Source { get; init; }

    [Id(1)]
    public string? Detail { get; init; }
}
