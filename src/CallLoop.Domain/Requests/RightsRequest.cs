namespace CallLoop.Domain;

/// <summary>
/// A rights request as the domain folds it (<see cref="RightsRequestEvolution"/>): every step of its lifecycle, with
/// its free text. The subject's state holds one per request; the analysts' <c>RequestRecord</c> document and the API's
/// <see cref="RightsRequestView"/> are both mapped from it. The Orleans alias keeps its first name so that silos of
/// the previous version still read it.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-record")]
public sealed record RightsRequest
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public RightsRequestType Type { get; init; }

    [Id(2)]
    public RightsRequestStatus Status { get; init; }

    [Id(3)]
    public RequestChannel Channel { get; init; }

    /// <summary>The jurisdiction at receipt; its law governs the request even if the subject moves.</summary>
    [Id(4)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(5)]
    public AuthorizedAgent? Agent { get; init; }

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
    public int? DataPointsMatched { get; init; }

    [Id(15)]
    public DateTimeOffset? VerificationFailedAt { get; init; }

    [Id(16)]
    public DateTimeOffset? CompletedAt { get; init; }

    [Id(17)]
    public RequestOutcome? Outcome { get; init; }

    [Id(18)]
    public DenialReason? DenialReason { get; init; }

    [Id(19)]
    public string? Explanation { get; init; }

    [Id(20)]
    public DateTimeOffset? AppealFiledAt { get; init; }

    [Id(21)]
    public DateTimeOffset? AppealDueAt { get; init; }

    [Id(22)]
    public DateTimeOffset? AppealDecidedAt { get; init; }

    [Id(23)]
    public AppealOutcome? AppealOutcome { get; init; }

    [Id(24)]
    public string? AppealExplanation { get; init; }

    [Id(25)]
    public string? ComplaintTo { get; init; }

    /// <summary>When the deadline reminder warned that the request is due soon.</summary>
    [Id(26)]
    public DateTimeOffset? DueSoonWarnedAt { get; init; }

    /// <summary>The deadline that warning was about; an extension moves <see cref="DueAt"/> past it.</summary>
    [Id(27)]
    public DateTimeOffset? DueSoonWarnedFor { get; init; }

    /// <summary>When the deadline reminder found the request overdue.</summary>
    [Id(28)]
    public DateTimeOffset? OverdueAt { get; init; }

    /// <summary>For a fulfilled delete request: when the data was erased.</summary>
    [Id(40)]
    public DateTimeOffset? ErasedAt { get; init; }

    /// <summary>For a fulfilled delete request: the categories legal holds kept, and why.</summary>
    [Id(41)]
    public ImmutableList<RetainedCategory> RetainedCategories { get; init; } = [];

    /// <summary>When a delete request was carried out here and began waiting for processors' acknowledgements.</summary>
    [Id(60)]
    public DateTimeOffset? AwaitingProcessorsSince { get; init; }

    /// <summary>The outcome the request completes with once every processor acknowledged.</summary>
    [Id(61)]
    public RequestOutcome? PendingOutcome { get; init; }

    [Id(62)]
    public string? PendingExplanation { get; init; }

    /// <summary>The processors to tell were chosen (possibly none).</summary>
    [Id(63)]
    public bool PropagationPlanned { get; init; }

    /// <summary>Processors sent a webhook about this request, in registry-name order.</summary>
    [Id(64)]
    public ImmutableList<string> ProcessorsAwaited { get; init; } = [];

    /// <summary>Processors that acknowledged every delivery about this request.</summary>
    [Id(65)]
    public ImmutableList<string> ProcessorsAcknowledged { get; init; } = [];

    /// <summary>Deliveries about this request an admin waived, with who, when and why.</summary>
    [Id(66)]
    public ImmutableList<ProcessorWaiver> ProcessorsWaived { get; init; } = [];

    /// <summary>Deliveries about this request whose processor has not acknowledged them yet (a waived one stays until it is).</summary>
    [Id(67)]
    public ImmutableList<PlannedDelivery> DeliveriesNotYetAcknowledged { get; init; } = [];

    /// <summary>For a withdraw-consent request: the consents named; empty means every consent.</summary>
    [Id(80)]
    public ImmutableList<ConsentPurpose> ConsentPurposes { get; init; } = [];

    /// <summary>The appeal's answer period was extended (CO, MN).</summary>
    [Id(81)]
    public bool AppealExtended { get; init; }

    [Id(82)]
    public string? AppealExtensionReason { get; init; }

    /// <summary>When a reversed appeal reopened the request; its first answer is kept below.</summary>
    [Id(83)]
    public DateTimeOffset? ReopenedAt { get; init; }

    [Id(84)]
    public DateTimeOffset? FirstCompletedAt { get; init; }

    [Id(85)]
    public RequestOutcome? FirstOutcome { get; init; }

    [Id(86)]
    public DenialReason? FirstDenialReason { get; init; }

    /// <summary>The requester was not a registered subject when the request arrived (it is still recorded and counted).</summary>
    [Id(87)]
    public bool FromNonSubject { get; init; }

    /// <summary>When the deadline reminder warned that the receipt confirmation is due soon.</summary>
    [Id(88)]
    public DateTimeOffset? ConfirmationDueSoonWarnedAt { get; init; }

    /// <summary>When the deadline reminder found the receipt confirmation overdue.</summary>
    [Id(89)]
    public DateTimeOffset? ConfirmationOverdueAt { get; init; }

    /// <summary>When the deadline reminder warned that the appeal's answer is due soon.</summary>
    [Id(90)]
    public DateTimeOffset? AppealDueSoonWarnedAt { get; init; }

    /// <summary>The appeal deadline that warning was about; an appeal extension moves <see cref="AppealDueAt"/> past it.</summary>
    [Id(91)]
    public DateTimeOffset? AppealDueSoonWarnedFor { get; init; }

    /// <summary>When the deadline reminder found the appeal's answer overdue.</summary>
    [Id(92)]
    public DateTimeOffset? AppealOverdueAt { get; init; }

    public bool IsVerified => VerifiedAt is not null;

    public bool IsCompleted => CompletedAt is not null;

    /// <summary>Still owes the requester an answer: not yet completed, or an appeal awaits its decision.</summary>
    public bool IsOpen => !IsCompleted || (AppealFiledAt is not null && AppealDecidedAt is null);
}
