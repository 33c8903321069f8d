namespace CallLoop.Domain;

/// <summary>One collection of personal information: the category, where it came from, why and when (field names only, never values).</summary>
[GenerateSerializer, Immutable, Alias("callloop.collection-entry")]
public sealed record CollectionEntry(
    [property: Id(0)] PersonalInformationCategory Category,
    [property: Id(1)] CollectionSource Source,
    [property: Id(2)] string? SourceDetail,
    [property: Id(3)] ImmutableList<ProcessingPurpose> Purposes,
    [property: Id(4)] ImmutableList<string> Fields,
    [property: Id(5)] DateTimeOffset CollectedAt);
