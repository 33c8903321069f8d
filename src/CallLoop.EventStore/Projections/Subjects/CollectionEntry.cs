using CallLoop.Domain;

namespace CallLoop.EventStore.Projections.Subjects;

/// <summary>One collection of personal information: the category, where it came from, why and when.</summary>
public sealed record CollectionEntry(
    PersonalInformationCategory Category,
    CollectionSource Source,
    string? SourceDetail,
    IReadOnlyList<ProcessingPurpose> Purposes,
    IReadOnlyList<string> Fields,
    DateTimeOffset CollectedAt);
