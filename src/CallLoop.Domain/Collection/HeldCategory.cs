namespace CallLoop.Domain;

/// <summary>What we hold in one CCPA category: where it came from, why, when, and the current values.</summary>
[GenerateSerializer, Immutable, Alias("callloop.held-category")]
public sealed record HeldCategory
{
    [Id(0)]
    public PersonalInformationCategory Category { get; set; }

    [Id(1)]
    public ImmutableList<CategorySource> Sources { get; set; } = [];

    [Id(2)]
    public ImmutableList<ProcessingPurpose> Purposes { get; set; } = [];

    [Id(3)]
    public DateTimeOffset FirstCollectedAt { get; set; }

    [Id(4)]
    public DateTimeOffset LastCollectedAt { get; set; }

    [Id(5)]
    public ImmutableDictionary<string, string> Values { get; set; } = ImmutableDictionary<string, string>.Empty;
}
