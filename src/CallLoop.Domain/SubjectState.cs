namespace CallLoop.Domain;

/// <summary>Everything the rules need to know about one data subject, folded from their events.</summary>
[GenerateSerializer, Immutable, Alias("callloop.subject-state")]
public sealed record SubjectState
{
    /// <summary>A fresh empty state.</summary>
    public static SubjectState Initial => new();

    [Id(0)]
    public string? SubjectId { get; init; }

    /// <summary>Number of events folded in; the expected version for the next append.</summary>
    [Id(1)]
    public long Version { get; init; }

    [Id(2)]
    public bool IsRegistered { get; init; }

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
    public DateTimeOffset? RegisteredAt { get; init; }

    [Id(10)]
    public DateTimeOffset? DeactivatedAt { get; init; }

    [Id(11)]
    public bool IsRestricted { get; init; }

    [Id(12)]
    public ImmutableDictionary<PersonalInformationCategory, HeldCategory> Categories { get; init; } =
        ImmutableDictionary<PersonalInformationCategory, HeldCategory>.Empty;

    [Id(13)]
    public ImmutableDictionary<ConsentPurpose, ConsentRecord> Consents { get; init; } =
        ImmutableDictionary<ConsentPurpose, ConsentRecord>.Empty;

    [Id(14)]
    public ImmutableDictionary<OptOutScope, OptOutRecord> OptOuts { get; init; } =
        ImmutableDictionary<OptOutScope, OptOutRecord>.Empty;

    [Id(15)]
    public ImmutableList<DisclosureRecord> Disclosures { get; init; } = [];

    [Id(16)]
    public ImmutableDictionary<string, RightsRequest> Requests { get; init; } =
        ImmutableDictionary<string, RightsRequest>.Empty;

    [Id(17)]
    public ImmutableDictionary<string, LegalHoldRecord> LegalHolds { get; init; } =
        ImmutableDictionary<string, LegalHoldRecord>.Empty;

    [Id(18)]
    public ImmutableHashSet<string> IdempotencyKeys { get; init; } = [];

    /// <summary>Each bound idempotency key's <see cref="IdempotencyFingerprint"/> (keys recorded before binding have none).</summary>
    [Id(61)]
    public ImmutableDictionary<string, string> IdempotencyFingerprints { get; init; } = ImmutableDictionary<string, string>.Empty;

    [Id(19)]
    public DateTimeOffset? ErasureStartedAt { get; init; }

    [Id(20)]
    public ErasureReason? ErasureReason { get; init; }

    /// <summary>Categories whose data keys were destroyed since the latest erasure started (see <see cref="ErasurePlan"/>).</summary>
    [Id(40)]
    public ImmutableHashSet<PersonalInformationCategory> ErasedCategories { get; init; } = [];

    /// <summary>The delete request behind the latest erasure, if any.</summary>
    [Id(41)]
    public string? ErasureRequestId { get; init; }

    /// <summary>Deliveries to processors and what choosing them needs (ids from 60: room for other features).</summary>
    [Id(60)]
    public PropagationState Propagation { get; init; } = new();

    /// <summary>Breach notices the subject was sent, oldest first (ids from 80).</summary>
    [Id(80)]
    public ImmutableList<BreachNoticeRecord> BreachNotices { get; init; } = [];

    /// <summary>IANA time zone, when known (ids from 100: text messages).</summary>
    [Id(100)]
    public string? TimeZone { get; init; }

    /// <summary>Marketing texts sent in the last 24 hours (as of the latest one), for frequency limits.</summary>
    [Id(101)]
    public ImmutableList<SentText> RecentMarketingTexts { get; init; } = [];

    /// <summary>
    /// Every collection, oldest first, so that an access report can be cut to any window (ids from 120).
    /// Field names only: the values live in <see cref="Categories"/> until erased.
    /// </summary>
    [Id(120)]
    public ImmutableList<CollectionEntry> Collections { get; init; } = [];

    /// <summary>When the latest event happened, the erasure steps excepted: retention of someone without an account counts from it.</summary>
    [Id(121)]
    public DateTimeOffset? LastEventAt { get; init; }

    public bool IsActive => IsRegistered && DeactivatedAt is null;

    public bool IsOptedOut(OptOutScope scope) => OptOuts.ContainsKey(scope);

    public bool HasConsent(ConsentPurpose purpose) => Consents.TryGetValue(purpose, out var consent) && consent.Granted;

    /// <summary>Categories some legal hold keeps from erasure.</summary>
    public IReadOnlySet<PersonalInformationCategory> HeldUnderLegalHold() =>
        LegalHolds.Values.SelectMany(hold => hold.Categories).ToHashSet();
}
