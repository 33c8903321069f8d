namespace CallLoop.Domain;

/// <summary>
/// One rights request as the grain API and HTTP API return it, mapped from the folded <see cref="RightsRequest"/> by
/// <see cref="SubjectViews"/>; <see cref="Status"/> is a kebab-case status name.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-view")]
public sealed record RightsRequestView
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public RightsRequestType Type { get; init; }

    /// <summary>received, verified, verification-failed, extended, completed, appealed or appeal-decided.</summary>
    [Id(2)]
    public string Status { get; init; } = string.Empty;

    [Id(3)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(4)]
    public RequestChannel Channel { get; init; }

    [Id(5)]
    public bool ViaAuthorizedAgent { get; init; }

    [Id(6)]
    public DateTimeOffset ReceivedAt { get; init; }

    [Id(7)]
    public DateTimeOffset DueAt { get; init; }

    [Id(8)]
    public DateTimeOffset? ConfirmationDueAt { get; init; }

    [Id(9)]
    public DateTimeOffset? ReceiptConfirmedAt { get; init; }

    [Id(10)]
    public bool Extended { get; init; }

    [Id(11)]
    public string? ExtensionReason { get; init; }

    [Id(12)]
    public DateTimeOffset? VerifiedAt { get; init; }

    [Id(13)]
    public VerificationMethod? VerificationMethod { get; init; }

    [Id(14)]
    public DateTimeOffset? CompletedAt { get; init; }

    [Id(15)]
    public RequestOutcome? Outcome { get; init; }

    [Id(16)]
    public DenialReason? DenialReason { get; init; }

    [Id(17)]
    public string? Explanation { get; init; }

    [Id(18)]
    public DateTimeOffset? AppealFiledAt { get; init; }

    [Id(19)]
    public DateTimeOffset? AppealDueAt { get; init; }

    [Id(20)]
    public DateTimeOffset? AppealDecidedAt { get; init; }

    [Id(21)]
    public AppealOutcome? AppealOutcome { get; init; }

    [Id(22)]
    public string? AppealExplanation { get; init; }

    [Id(23)]
    public string? ComplaintTo { get; init; }

    [Id(24)]
    public DateTimeOffset? DueSoonWarnedAt { get; init; }

    [Id(25)]
    public DateTimeOffset? OverdueAt { get; init; }

    /// <summary>For a fulfilled delete request: when the data was erased.</summary>
    [Id(40)]
    public DateTimeOffset? ErasedAt { get; init; }

    /// <summary>For a fulfilled delete request: the categories legal holds kept, and why.</summary>
    [Id(41)]
    public IReadOnlyList<RetainedCategory> RetainedCategories { get; init; } = [];

    /// <summary>Processors sent a webhook about this request.</summary>
    [Id(60)]
    public IReadOnlyList<string> ProcessorsNotified { get; init; } = [];

    [Id(61)]
    public IReadOnlyList<string> ProcessorsAcknowledged { get; init; } = [];

    /// <summary>Processors still owed: notified, neither acknowledged nor waived.</summary>
    [Id(62)]
    public IReadOnlyList<string> ProcessorsNotYetAcknowledged { get; init; } = [];

    /// <summary>Deliveries an admin waived (distinct from acknowledged), with the reason.</summary>
    [Id(63)]
    public IReadOnlyList<ProcessorWaiver> ProcessorsWaived { get; init; } = [];

    /// <summary>For a withdraw-consent request: the consents named; empty means every consent.</summary>
    [Id(80)]
    public IReadOnlyList<ConsentPurpose> ConsentPurposes { get; init; } = [];

    /// <summary>A denied (or partly denied) answer may still be appealed under the request's law.</summary>
    [Id(81)]
    public bool AppealAvailable { get; init; }

    [Id(82)]
    public bool AppealExtended { get; init; }

    /// <summary>When a reversed appeal reopened the request (then due again at <see cref="DueAt"/>).</summary>
    [Id(83)]
    public DateTimeOffset? ReopenedAt { get; init; }

    /// <summary>The answer the reversed appeal overturned.</summary>
    [Id(84)]
    public RequestOutcome? FirstOutcome { get; init; }

    [Id(85)]
    public DenialReason? FirstDenialReason { get; init; }

    /// <summary>The requester was not a registered subject when the request arrived.</summary>
    [Id(86)]
    public bool FromNonSubject { get; init; }

    /// <summary>When the reminder warned that the receipt confirmation (due at <see cref="ConfirmationDueAt"/>) is due soon.</summary>
    [Id(87)]
    public DateTimeOffset? ConfirmationDueSoonWarnedAt { get; init; }

    [Id(88)]
    public DateTimeOffset? ConfirmationOverdueAt { get; init; }

    /// <summary>When the reminder warned that the appeal's answer (due at <see cref="AppealDueAt"/>) is due soon.</summary>
    [Id(89)]
    public DateTimeOffset? AppealDueSoonWarnedAt { get; init; }

    [Id(90)]
    public DateTimeOffset? AppealOverdueAt { get; init; }

    /// <summary>The open appeal may still be given the extra time its law allows (see <see cref="RequestRecourse"/>).</summary>
    [Id(91)]
    public bool AppealExtensionAvailable { get; init; }
}
