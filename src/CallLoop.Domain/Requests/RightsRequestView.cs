namespace CallLoop.Domain;

/// <summary>One rights request as the API shows it; <see cref="Status"/> is a kebab-case status name.</summary>
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
}
