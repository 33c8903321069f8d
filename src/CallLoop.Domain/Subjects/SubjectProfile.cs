namespace CallLoop.Domain;

/// <summary>The subject's current profile, as returned by the grain and GET /api/subjects/{id}.</summary>
[GenerateSerializer, Immutable, Alias("callloop.subject-profile")]
public sealed record SubjectProfile
{
    [Id(0)]
    public string SubjectId { get; init; } = string.Empty;

    [Id(1)]
    public long Version { get; init; }

    [Id(2)]
    public bool Registered { get; init; }

    [Id(3)]
    public string? Jurisdiction { get; init; }

    [Id(4)]
    public string? Email { get; init; }

    [Id(5)]
    public string? Phone { get; init; }

    [Id(6)]
    public string? Name { get; init; }

    [Id(7)]
    public DateOnly? BirthDate { get; init; }

    [Id(8)]
    public bool IsMinor { get; init; }

    [Id(9)]
    public bool Active { get; init; }

    [Id(10)]
    public DateTimeOffset? RegisteredAt { get; init; }

    [Id(11)]
    public DateTimeOffset? DeactivatedAt { get; init; }

    [Id(12)]
    public bool ProcessingRestricted { get; init; }

    [Id(13)]
    public DateTimeOffset? ErasureStartedAt { get; init; }

    [Id(14)]
    public ErasureReason? ErasureReason { get; init; }

    [Id(15)]
    public IReadOnlyList<HeldCategory> Categories { get; init; } = [];

    [Id(16)]
    public IReadOnlyList<ConsentRecord> Consents { get; init; } = [];

    [Id(17)]
    public IReadOnlyList<OptOutRecord> OptOuts { get; init; } = [];

    [Id(18)]
    public IReadOnlyList<DisclosureRecord> Disclosures { get; init; } = [];

    [Id(19)]
    public IReadOnlyList<RightsRequestView> Requests { get; init; } = [];

    [Id(20)]
    public IReadOnlyList<LegalHoldRecord> LegalHolds { get; init; } = [];

    /// <summary>
    /// True when email, phone, name, birth date and category values are left out (every unaudited read and command
    /// result); the full profile comes only from an audited read, which records who read it and why.
    /// </summary>
    [Id(21)]
    public bool ValuesWithheld { get; init; }
}
