using CallLoop.Domain;

namespace CallLoop.EventStore.Projections.Requests;

/// <summary>
/// The CCPA record of one rights request (kept at least 24 months): received, type, channel, verification,
/// deadlines, response and its basis, appeal. No personal data beyond the subject id; an agent appears only as a flag.
/// </summary>
public sealed class RequestRecord
{
    /// <summary>"{subjectId}/{requestId}".</summary>
    public string Id { get; set; } = string.Empty;

    public string SubjectId { get; set; } = string.Empty;

    /// <summary>When a reversed appeal reopened the request.</summary>
    public DateTimeOffset? ReopenedAt { get; set; }

    public string RequestId { get; set; } = string.Empty;

    public RightsRequestType Type { get; set; }

    public RequestChannel Channel { get; set; }

    /// <summary>The jurisdiction at receipt, whose law governs the request.</summary>
    public string Jurisdiction { get; set; } = string.Empty;

    public bool ViaAuthorizedAgent { get; set; }

    public RightsRequestStatus Status { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? ConfirmationDueAt { get; set; }

    public DateTimeOffset? ReceiptConfirmedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>Whether the deadline was extended. Why is free text (staff write names into it): analysts never see it.</summary>
    public bool Extended { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public VerificationMethod? VerificationMethod { get; set; }

    public DateTimeOffset? VerificationFailedAt { get; set; }

    /// <summary>Date of the response.</summary>
    public DateTimeOffset? RespondedAt { get; set; }

    public RequestOutcome? Outcome { get; set; }

    /// <summary>The coded reason for a denial; the written basis is free text, read through the subject's audited history.</summary>
    public DenialReason? DenialReason { get; set; }

    public DateTimeOffset? AppealFiledAt { get; set; }

    public DateTimeOffset? AppealDueAt { get; set; }

    public DateTimeOffset? AppealDecidedAt { get; set; }

    public AppealOutcome? AppealOutcome { get; set; }

    /// <summary>True until answered, and again while an appeal waits for its answer.</summary>
    public bool IsOpen { get; set; }

    /// <summary>The deadline of what is open: the response, or the appeal's answer; null once closed.</summary>
    public DateTimeOffset? CurrentDueAt { get; set; }

    /// <summary>When a delete request was carried out and began waiting for processors' acknowledgements.</summary>
    public DateTimeOffset? AwaitingProcessorsSince { get; set; }

    /// <summary>Processors sent a webhook about this request (registry names: businesses, not people).</summary>
    public List<string> ProcessorsNotified { get; set; } = [];

    public List<string> ProcessorsAcknowledged { get; set; } = [];

    /// <summary>Processors whose delivery an admin waived; the waiver's reason (free text) stays on the subject's request view.</summary>
    public List<string> ProcessorsWaived { get; set; } = [];

    public List<string> ProcessorsNotYetAcknowledged => ProcessorsNotified.Except(ProcessorsAcknowledged).Except(ProcessorsWaived).ToList();

    /// <summary>For a delete request: the categories kept from erasure under a legal hold (planned at its start, then as erased).</summary>
    public List<PersonalInformationCategory> RetainedCategories { get; set; } = [];

    public static string KeyOf(string subjectId, string requestId) => $"{subjectId}/{requestId}";
}
