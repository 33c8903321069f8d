namespace CallLoop.Domain;

/// <summary>One entry of a subject's read audit, as the grain and GET /api/subjects/{id}/audit answer it.</summary>
[GenerateSerializer, Immutable, Alias("callloop.access-record")]
public sealed record AccessRecord
{
    /// <summary>The access record's version in the subject's stream.</summary>
    [Id(0)]
    public long Version { get; init; }

    [Id(1)]
    public DateTimeOffset AccessedAt { get; init; }

    [Id(2)]
    public string AccessedBy { get; init; } = string.Empty;

    [Id(3)]
    public AccessPurpose Purpose { get; init; }

    [Id(4)]
    public AccessedView View { get; init; }

    [Id(5)]
    public string? RequestId { get; init; }

    [Id(6)]
    public IReadOnlyList<PersonalInformationCategory> Categories { get; init; } = [];

    public static AccessRecord From(long version, PersonalDataAccessed accessed)
    {
        ArgumentNullException.ThrowIfNull(accessed);
        return new AccessRecord
        {
            Version = version,
            AccessedAt = accessed.OccurredAt,
            AccessedBy = accessed.AccessedBy,
            Purpose = accessed.Purpose,
            View = accessed.View,
            RequestId = accessed.RequestId,
            Categories = accessed.Categories,
        };
    }
}
