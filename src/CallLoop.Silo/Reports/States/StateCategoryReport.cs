namespace CallLoop.Silo.Reports.States;

/// <summary>
/// What a state's privacy-policy disclosure needs for a 12-month window: categories collected, their sources and
/// purposes, categories disclosed for a business purpose, sold and shared (with recipient types), each with the
/// number of distinct subjects.
/// </summary>
public sealed record StateCategoryReport(
    string State,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<CategoryCount> CategoriesCollected,
    IReadOnlyList<SourceCount> Sources,
    IReadOnlyList<PurposeCount> Purposes,
    IReadOnlyList<RecipientCount> DisclosedForBusinessPurpose,
    IReadOnlyList<RecipientCount> Sold,
    IReadOnlyList<RecipientCount> Shared);

public sealed record CategoryCount(string Category, long Subjects);

public sealed record SourceCount(string Source, string? SourceDetail, long Subjects);

public sealed record PurposeCount(string Purpose, long Subjects);

public sealed record RecipientCount(string Category, string RecipientType, long Subjects);
