namespace CallLoop.Contracts.Incidents;

/// <summary>What a batch of individual notices recorded, and which ids it left alone and why.</summary>
[GenerateSerializer, Immutable, Alias("callloop.notice-outcome")]
public sealed record NoticeOutcome
{
    [Id(0)]
    public int Recorded { get; init; }

    [Id(1)]
    public IReadOnlyList<string> AlreadyNoticed { get; init; } = [];

    /// <summary>Not among the incident's affected subjects.</summary>
    [Id(2)]
    public IReadOnlyList<string> NotAffected { get; init; } = [];

    /// <summary>Affected, but erased: nothing left to notify them with.</summary>
    [Id(3)]
    public IReadOnlyList<string> NotNotifiable { get; init; } = [];
}
