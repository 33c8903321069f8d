namespace CallLoop.Domain;

/// <summary>One rights request as the API shows it; <see cref="Status"/> is a kebab-case status name.</summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-view")]
public sealed record RightsRequestView
{
    [Id(0)]
    public string RequestId { get; set; } = string.Empty;

    [Id(1)]
    public RightsRequestType Type { get; set; }

    /// <summary>received, verified, verification-failed, extended, completed, appealed or appeal-decided.</summary>
    [Id(2)]
    public string Status { get; set; } = string.Empty;

    [Id(3)]
    public string Jurisdiction { get; set; } = string.Empty;

    [Id(4)]
    public RequestChannel Channel { get; set; }

    [Id(5)]
    public bool ViaAuthorizedAgent { get; set; }

    [Id(6)]
    public DateTimeOffset ReceivedAt { get; set; }

    [Id(7)]
    public DateTimeOffset DueAt { get; set; }

    [Id(8)]
    public DateTimeOffset? ConfirmationDueAt { get; set; }

    [Id(9)]
    public DateTimeOffset? ReceiptConfirmedAt { get; set; }

    [Id(10)]
    public bool Extended { get; set; }

    [Id(11)]
    public string? ExtensionReason { get; set; }

    [Id(12)]
    public DateTimeOffset? VerifiedAt { get; set; }

    [Id(13)]
    public VerificationMethod? VerificationMethod { get; set; }

    [Id(14)]
    public DateTimeOffset? CompletedAt { get; set; }

    [Id(15)]
    public RequestOutcome? Outcome { get; set; }

    [Id(16)]
    public DenialReason? DenialReason { get; set; }

    [Id(17)]
    public string? Explanation { get; set; }

    [Id(18)]
    public DateTimeOffset? AppealFiledAt { get; set; }

    [Id(19)]
    public DateTimeOffset? AppealDueAt { get; set; }

    [Id(20)]
    public DateTimeOffset? AppealDecidedAt { get; set; }

    [Id(21)]
    public AppealOutcome? AppealOutcome { get; set; }

    [Id(22)]
    public string? AppealExplanation { get; set; }

    [Id(23)]
    public string? ComplaintTo { get; set; }

    [Id(24)]
    public DateTimeOffset? DueSoonWarnedAt { get; set; }

    [Id(25)]
    public DateTimeOffset? OverdueAt { get; set; }

    /// <summary>For a fulfilled delete request: when the data was erased.</summary>
    [Id(40)]
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>For a fulfilled delete request: the categories legal holds kept, and why.</summary>
    [Id(41)]
    public IReadOnlyList<RetainedCategory> RetainedCategories { get; set; } = [];

    /// <summary>Processors sent a webhook about this request.</summary>
    [Id(60)]
    public IReadOnlyList<string> ProcessorsNotified { get; set; } = [];

    [Id(61)]
    public IReadOnlyList<string> ProcessorsAcknowledged { get; set; } = [];

    /// <summary>Processors still owed: notified, neither acknowledged nor waived.</summary>
    [Id(62)]
    public IReadOnlyList<string> ProcessorsNotYetAcknowledged { get; set; } = [];

    /// <summary>Deliveries an admin waived (distinct from acknowledged), with the reason.</summary>
    [Id(63)]
    public IReadOnlyList<ProcessorWaiver> ProcessorsWaived { get; set; } = [];

    /// <summary>For a withdraw-consent request: the consents named; empty means every consent.</summary>
    [Id(80)]
    public IReadOnlyList<ConsentPurpose> ConsentPurposes { get; set; } = [];

    /// <summary>A denied (or partly denied) answer may still be appealed under the request's law.</summary>
    [Id(81)]
    public bool AppealAvailable { get; set; }

    [Id(82)]
    public bool AppealExtended { get; set; }

    /// <summary>When a reversed appeal reopened the request (then due again at <see cref="DueAt"/>).</summary>
    [Id(83)]
    public DateTimeOffset? ReopenedAt { get; set; }

    /// <summary>The answer the reversed appeal overturned.</summary>
    [Id(84)]
    public RequestOutcome? FirstOutcome { get; set; }

    [Id(85)]
    public DenialReason? FirstDenialReason { get; set; }

    /// <summary>The requester was not a registered subject when the request arrived.</summary>
    [Id(86)]
    public bool FromNonSubject { get; set; }
}
