namespace CallLoop.Console.Api;

/// <summary>One rights request as GET /api/subjects/{id}/requests/{requestId} shows it (privacy officers).</summary>
public sealed record RightsRequestView
{
    public string RequestId { get; init; } = string.Empty;
    public string Type { get; init; } = string.Empty;
    public string Status { get; init; } = string.Empty;
    public string Jurisdiction { get; init; } = string.Empty;
    public string Channel { get; init; } = string.Empty;
    public bool ViaAuthorizedAgent { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset? ConfirmationDueAt { get; init; }
    public DateTimeOffset? ReceiptConfirmedAt { get; init; }
    public bool Extended { get; init; }
    public string? ExtensionReason { get; init; }
    public DateTimeOffset? VerifiedAt { get; init; }
    public string? VerificationMethod { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? Outcome { get; init; }
    public string? DenialReason { get; init; }
    public string? Explanation { get; init; }
    public DateTimeOffset? AppealFiledAt { get; init; }
    public DateTimeOffset? AppealDueAt { get; init; }
    public DateTimeOffset? AppealDecidedAt { get; init; }
    public string? AppealOutcome { get; init; }
    public string? AppealExplanation { get; init; }
    public DateTimeOffset? DueSoonWarnedAt { get; init; }
    public DateTimeOffset? OverdueAt { get; init; }
    public DateTimeOffset? ErasedAt { get; init; }
    public DateTimeOffset? ReopenedAt { get; init; }
    public bool AppealAvailable { get; init; }
    public bool AppealExtended { get; init; }
    public bool AppealExtensionAvailable { get; init; }
    public IReadOnlyList<string> ProcessorsNotified { get; init; } = [];
    public IReadOnlyList<string> ProcessorsAcknowledged { get; init; } = [];
    public IReadOnlyList<string> ProcessorsNotYetAcknowledged { get; init; } = [];

    public bool IsAnswered => CompletedAt is not null && Status is not ("appealed" or "reopened");
}
