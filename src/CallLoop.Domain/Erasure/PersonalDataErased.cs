namespace CallLoop.Domain;

/// <summary>
/// The subject's personal data in these categories is gone: their data keys were destroyed and the stored events
/// masked. Records what, when and why, and what legal holds kept; never a value.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.personal-data-erased")]
public sealed record PersonalDataErased : SubjectEvent
{
    [Id(0)]
    public ErasureReason Reason { get; init; }

    /// <summary>The delete request that started the erasure, if any.</summary>
    [Id(1)]
    public string? RequestId { get; init; }

    [Id(2)]
    public IReadOnlyList<PersonalInformationCategory> ErasedCategories { get; init; } = [];

    /// <summary>Ids of the destroyed data keys (ids only: the keys themselves no longer exist).</summary>
    [Id(3)]
    public IReadOnlyList<string> DestroyedKeyIds { get; init; } = [];

    [Id(4)]
    public IReadOnlyList<RetainedCategory> Retained { get; init; } = [];

    /// <summary>Stored events whose sealed values were masked as well.</summary>
    [Id(5)]
    public int MaskedEvents { get; init; }

    /// <summary>Set when releasing this legal hold is what let these categories be erased.</summary>
    [Id(6)]
    public string? ReleasedHoldId { get; init; }
}
