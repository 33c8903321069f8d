namespace CallLoop.Domain;

/// <summary>What applying retention did, and when it is next due (null: nothing left to erase by time).</summary>
[GenerateSerializer, Immutable, Alias("callloop.retention-review")]
public sealed record RetentionReview
{
    [Id(0)]
    public IReadOnlyList<PersonalInformationCategory> Erased { get; init; } = [];

    [Id(1)]
    public IReadOnlyList<PersonalInformationCategory> HeldUnderLegalHold { get; init; } = [];

    [Id(2)]
    public DateTimeOffset? NextDueAt { get; init; }
}
