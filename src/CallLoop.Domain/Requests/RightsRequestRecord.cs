namespace CallLoop.Domain;

/// <summary>A rights request and every step of its lifecycle, as the 24-month record requires.</summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-record")]
public sealed record RightsRequestRecord
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

    public bool IsVerified => VerifiedAt is not null;

    public bool IsCompleted => CompletedAt is not null;
}
