namespace CallLoop.Domain;

/// <summary>What one jurisdiction's breach law asks of us for one incident, and how far we are.</summary>
[GenerateSerializer, Immutable, Alias("callloop.jurisdiction-obligation")]
public sealed record JurisdictionObligation
{
    [Id(0)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(1)]
    public string Statute { get; init; } = string.Empty;

    /// <summary>The law table row applied (the one in force on the discovery date).</summary>
    [Id(2)]
    public DateOnly RuleEffectiveFrom { get; init; }

    [Id(3)]
    public long Affected { get; init; }

    [Id(4)]
    public long Notifiable { get; init; }

    [Id(5)]
    public long NoticesSent { get; init; }

    [Id(6)]
    public bool IndividualNoticeRequired { get; init; }

    /// <summary>required, encryption-safe-harbour, elements-do-not-trigger or no-real-risk-of-significant-harm.</summary>
    [Id(7)]
    public string IndividualNoticeReason { get; init; } = string.Empty;

    /// <summary>"30 days", or "without delay" (then the due date is the company's ceiling).</summary>
    [Id(8)]
    public string IndividualNoticeDeadline { get; init; } = string.Empty;

    [Id(9)]
    public DateTimeOffset? IndividualNoticeDueAt { get; init; }

    [Id(10)]
    public int IndividualNoticeExtensionDays { get; init; }

    [Id(11)]
    public string IndividualNoticeState { get; init; } = ObligationStates.NotRequired;

    [Id(12)]
    public string? Regulator { get; init; }

    [Id(13)]
    public bool RegulatorNoticeRequired { get; init; }

    [Id(14)]
    public DateTimeOffset? RegulatorNoticeDueAt { get; init; }

    [Id(15)]
    public DateTimeOffset? RegulatorNotifiedAt { get; init; }

    [Id(16)]
    public string RegulatorNoticeState { get; init; } = ObligationStates.NotRequired;

    [Id(17)]
    public bool RegulatorBeforeIndividuals { get; init; }

    [Id(18)]
    public bool CreditBureausRequired { get; init; }

    [Id(19)]
    public DateTimeOffset? CreditBureausDueAt { get; init; }

    /// <summary>Months of identity-theft protection or credit monitoring to offer (CT, DE), when owed.</summary>
    [Id(20)]
    public int? IdentityProtectionMonths { get; init; }

    /// <summary>Until when the incident's record must be kept (CAN: 24 months, harmful or not).</summary>
    [Id(21)]
    public DateTimeOffset? RecordKeptUntil { get; init; }

    [Id(22)]
    public string? Notes { get; init; }

    [Id(23)]
    public DateTimeOffset? IndividualNoticesCompletedAt { get; init; }

    /// <summary>The credit bureaus told so far (for every affected jurisdiction, owed or not).</summary>
    [Id(24)]
    public IReadOnlyList<CreditBureau> CreditBureausNotified { get; init; } = [];

    /// <summary>When the last of the nationwide credit bureaus was told (the obligation met), or null.</summary>
    [Id(25)]
    public DateTimeOffset? CreditBureausNotifiedAt { get; init; }

    [Id(26)]
    public string CreditBureausState { get; init; } = ObligationStates.NotRequired;

    /// <summary>
    /// The law wants the regulator told before the people (<see cref="RegulatorBeforeIndividuals"/>), the regulator's
    /// notice is required and not recorded yet: recording the people's notices is refused (rule regulator-before-individuals).
    /// </summary>
    [Id(27)]
    public bool IndividualNoticesAwaitRegulator { get; init; }

    /// <summary>
    /// The credit-bureau threshold of this jurisdiction's row is not verified against the statute (privacy-law.md
    /// "(verify)"): <see cref="CreditBureausRequired"/> follows the conservative stand-in (more than 1,000), to be checked.
    /// </summary>
    [Id(28)]
    public bool CreditBureausThresholdUnverified { get; init; }
}
