namespace CallLoop.Domain;

/// <summary>The subject's current profile, as returned by the grain and GET /api/subjects/{id}.</summary>
[GenerateSerializer, Immutable, Alias("callloop.subject-profile")]
public sealed record SubjectProfile
{
    [Id(0)]
    public string SubjectId { get; set; } = string.Empty;

    [Id(1)]
    public long Version { get; set; }

    [Id(2)]
    public bool Registered { get; set; }

    [Id(3)]
    public string? Jurisdiction { get; set; }

    [Id(4)]
    public string? Email { get; set; }

    [Id(5)]
    public string? Phone { get; set; }

    [Id(6)]
    public string? Name { get; set; }

    [Id(7)]
    public DateOnly? BirthDate { get; set; }

    [Id(8)]
    public bool IsMinor { get; set; }

    [Id(9)]
    public bool Active { get; set; }

    [Id(10)]
    public DateTimeOffset? RegisteredAt { get; set; }

    [Id(11)]
    public DateTimeOffset? DeactivatedAt { get; set; }

    [Id(12)]
    public bool ProcessingRestricted { get; set; }

    [Id(13)]
    public DateTimeOffset? ErasureStartedAt { get; set; }

    [Id(14)]
    public ErasureReason? ErasureReason { get; set; }

    [Id(15)]
    public IReadOnlyList<HeldCategory> Categories { get; set; } = [];

    [Id(16)]
    public IReadOnlyList<ConsentRecord> Consents { get; set; } = [];

    [Id(17)]
    public IReadOnlyList<OptOutRecord> OptOuts { get; set; } = [];

    [Id(18)]
    public IReadOnlyList<DisclosureRecord> Disclosures { get; set; } = [];

    [Id(19)]
    public IReadOnlyList<RightsRequestView> Requests { get; set; } = [];

    [Id(20)]
    public IReadOnlyList<LegalHoldRecord> LegalHolds { get; set; } = [];

    /// <summary>
    /// True when email, phone, name, birth date and category values are left out (every unaudited read and command
    /// result); the full profile comes only from an audited read, which records who read it and why.
    /// </summary>
    [Id(21)]
    public bool ValuesWithheld { get; set; }
}
