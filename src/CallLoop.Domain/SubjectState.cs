namespace CallLoop.Domain;

/// <summary>Everything the rules need to know about one data subject, folded from their events.</summary>
[GenerateSerializer, Immutable, Alias("callloop.subject-state")]
public sealed record SubjectState
{
    /// <summary>A fresh empty state (a new instance each time: the serializable members have public setters).</summary>
    public static SubjectState Initial => new();

    [Id(0)]
    public string? SubjectId { get; set; }

    /// <summary>Number of events folded in; the expected version for the next append.</summary>
    [Id(1)]
    public long Version { get; set; }

    [Id(2)]
    public bool IsRegistered { get; set; }

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
    public DateTimeOffset? RegisteredAt { get; set; }

    [Id(10)]
    public DateTimeOffset? DeactivatedAt { get; set; }

    [Id(11)]
    public bool IsRestricted { get; set; }

    [Id(12)]
    public ImmutableDictionary<PersonalInformationCategory, HeldCategory> Categories { get; set; } =
        ImmutableDictionary<PersonalInformationCategory, HeldCategory>.Empty;

    [Id(13)]
    public ImmutableDictionary<ConsentPurpose, ConsentRecord> Consents { get; set; } =
        ImmutableDictionary<ConsentPurpose, ConsentRecord>.Empty;

    [Id(14)]
    public ImmutableDictionary<OptOutScope, OptOutRecord> OptOuts { get; set; } =
        ImmutableDictionary<OptOutScope, OptOutRecord>.Empty;

    [Id(15)]
    public ImmutableList<DisclosureRecord> Disclosures { get; set; } = [];

    [Id(16)]
    public ImmutableDictionary<string, RightsRequestRecord> Requests { get; set; } =
        ImmutableDictionary<string, RightsRequestRecord>.Empty;

    [Id(17)]
    public ImmutableDictionary<string, LegalHoldRecord> LegalHolds { get; set; } =
        ImmutableDictionary<string, LegalHoldRecord>.Empty;

    [Id(18)]
    public ImmutableHashSet<string> IdempotencyKeys { get; set; } = [];

    /// <summary>Each bound idempotency key's <see cref="IdempotencyFingerprint"/> (keys recorded before binding have none).</summary>
    [Id(61)]
    public ImmutableDictionary<string, string> IdempotencyFingerprints { get; set; } = ImmutableDictionary<string, string>.Empty;

    [Id(19)]
    public DateTimeOffset? ErasureStartedAt { get; set; }

    [Id(20)]
    public ErasureReason? ErasureReason { get; set; }

    /// <summary>Categories whose data keys were destroyed since the latest erasure started (see <see cref="ErasurePlan"/>).</summary>
    [Id(40)]
    public ImmutableHashSet<PersonalInformationCategory> ErasedCategories { get; set; } = [];

    /// <summary>The delete request behind the latest erasure, if any.</summary>
    [Id(41)]
    public string? ErasureRequestId { get; set; }

    /// <summary>Deliveries to processors and what choosing them needs (ids from 60: room for other features).</summary>
    [Id(60)]
    public PropagationState Propagation { get; set; } = new();

    /// <summary>Breach notices the subject was sent, oldest first (ids from 80).</summary>
    [Id(80)]
    public ImmutableList<BreachNoticeRecord> BreachNotices { get; set; } = [];

    public bool IsActive => IsRegistered && DeactivatedAt is null;

    public bool IsOptedOut(OptOutScope scope) => OptOuts.ContainsKey(scope);

    public bool HasConsent(ConsentPurpose purpose) => Consents.TryGetValue(purpose, out var consent) && consent.Granted;

    /// <summary>Categories some legal hold keeps from erasure.</summary>
    public IReadOnlySet<PersonalInformationCategory> HeldUnderLegalHold() =>
        LegalHolds.Values.SelectMany(hold => hold.Categories).ToHashSet();
}
