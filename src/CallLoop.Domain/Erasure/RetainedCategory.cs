namespace CallLoop.Domain;

/// <summary>A category kept from erasure by a legal hold, and why.</summary>
[GenerateSerializer, Immutable, Alias("callloop.retained-category")]
public sealed record RetainedCategory
{
    [Id(0)]
    public PersonalInformationCategory Category { get; init; }

    [Id(1)]
    public string HoldId { get; init; } = string.Empty;

    [Id(2)]
    public string Reason { get; init; } = string.Empty;
}
