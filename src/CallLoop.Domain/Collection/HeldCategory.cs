namespace CallLoop.Domain;

/// <summary>What we hold in one CCPA category: where it came from, why, when, and the current values.</summary>
[GenerateSerializer, Immutable, Alias("callloop.held-category")]
public sealed record HeldCategory
{
    [Id(0)]
    public PersonalInformationCategory Category { get; init; }

    [Id(1)]
    public ImmutableList<CategorySource> Sources { get; init; } = [];

    [Id(2)]
    public ImmutableList<ProcessingPurpose> Purposes { get; init; } = [];

    [Id(3)]
    public DateTimeOffset FirstCollectedAt { get; init; }

    [Id(4)]
    public DateTimeOffset LastCollectedAt { get; init; }

    [Id(5)]
    public ImmutableDictionary<string, string> Values { get; init; } = ImmutableDictionary<string, string>.Empty;
}
