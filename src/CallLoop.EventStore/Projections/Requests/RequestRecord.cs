using CallLoop.Domain;

namespace CallLoop.EventStore.Projections.Requests;

/// <summary>
/// The analysts' read-model document of one rights request: the CCPA record (kept at least 24 months) of when it was
/// received, type, channel, verification, deadlines, response and its basis, appeal. No personal data beyond the
/// subject id; an agent appears only as a flag. Every field is mapped (<see cref="Of"/>) from the domain's folded
/// <see cref="RightsRequest"/> (<see cref="RightsRequestEvolution"/>, the same fold as the subject's state): the
/// record never re-implements a transition. Not to be confused with <see cref="RightsRequestView"/>, what the
/// subject's API returns.
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

    /// <summary>For a delete request: the categories legal holds kept from the erasure, once it was carried out.</summary>
    public List<PersonalInformationCategory> RetainedCategories { get; set; } = [];

    /// <summary>For a delete request: when the data was erased.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>When the deadline reminder warned that the response is due soon.</summary>
    public DateTimeOffset? DueSoonWarnedAt { get; set; }

    /// <summary>When the deadline reminder found the response overdue.</summary>
    public DateTimeOffset? OverdueAt { get; set; }

    /// <summary>When the deadline reminder warned that the receipt confirmation is due soon.</summary>
    public DateTimeOffset? ConfirmationDueSoonWarnedAt { get; set; }

    /// <summary>When the deadline reminder found the receipt confirmation overdue.</summary>
    public DateTimeOffset? ConfirmationOverdueAt { get; set; }

    /// <summary>When the deadline reminder warned that the appeal's answer is due soon.</summary>
    public DateTimeOffset? AppealDueSoonWarnedAt { get; set; }

    /// <summary>When the deadline reminder found the appeal's answer overdue.</summary>
    public DateTimeOffset? AppealOverdueAt { get; set; }

    /// <summary>
    /// The folded request this record maps, with its free text and the agent's details left out. Stored with the
    /// document (<see cref="RequestRecordStorage"/>) so the next event folds on from it; never shown by the API.
    /// </summary>
    internal RightsRequest? Lifecycle { get; set; }

    public static string KeyOf(string subjectId, string requestId) => $"{subjectId}/{requestId}";

    /// <summary>The analysts' record of one request of the subject, as the domain folded it.</summary>
    public static RequestRecord Of(string subjectId, RightsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var currentDueAt = RequestDeadlines.OpenDueAt(request, RequestDeadlineKind.AppealAnswer) ?? RequestDeadlines.OpenDueAt(request, RequestDeadlineKind.Response);
        return new RequestRecord
        {
            Id = KeyOf(subjectId, request.RequestId),
            SubjectId = subjectId,
            RequestId = request.RequestId,
            Type = request.Type,
            Channel = request.Channel,
            Jurisdiction = request.Jurisdiction,
            ViaAuthorizedAgent = request.Agent is not null,
            Status = request.Status,
            ReceivedAt = request.ReceivedAt,
            ConfirmationDueAt = request.ConfirmationDueAt,
            ReceiptConfirmedAt = request.ReceiptConfirmedAt,
            DueAt = request.DueAt,
            Extended = request.Extended,
            VerifiedAt = request.VerifiedAt,
            VerificationMethod = request.VerificationMethod,
            VerificationFailedAt = request.VerificationFailedAt,
            RespondedAt = request.CompletedAt,
            Outcome = request.Outcome,
            DenialReason = request.DenialReason,
            AppealFiledAt = request.AppealFiledAt,
            AppealDueAt = request.AppealDueAt,
            AppealDecidedAt = request.AppealDecidedAt,
            AppealOutcome = request.AppealOutcome,
            ReopenedAt = request.ReopenedAt,
            IsOpen = request.IsOpen,
            CurrentDueAt = request.IsOpen ? currentDueAt : null,
            AwaitingProcessorsSince = request.AwaitingProcessorsSince,
            ProcessorsNotified = [.. request.ProcessorsAwaited],
            ProcessorsAcknowledged = [.. request.ProcessorsAcknowledged],
            ProcessorsWaived = [.. request.ProcessorsWaived.Select(w => w.Processor).Distinct()],
            RetainedCategories = [.. request.RetainedCategories.Select(r => r.Category).Distinct().Order()],
            ErasedAt = request.ErasedAt,
            DueSoonWarnedAt = request.DueSoonWarnedAt,
            OverdueAt = request.OverdueAt,
            ConfirmationDueSoonWarnedAt = request.ConfirmationDueSoonWarnedAt,
            ConfirmationOverdueAt = request.ConfirmationOverdueAt,
            AppealDueSoonWarnedAt = request.AppealDueSoonWarnedAt,
            AppealOverdueAt = request.AppealOverdueAt,
            Lifecycle = WithoutFreeText(request),
        };
    }

    /// <summary>What the stored fold keeps: codes, times and registry names; no reason, explanation, author or agent detail.</summary>
    private static RightsRequest WithoutFreeText(RightsRequest request) => request with
    {
        Agent = request.Agent is null ? null : new AuthorizedAgent(),
        ExtensionReason = null,
        Explanation = null,
        AppealExplanation = null,
        ComplaintTo = null,
        AppealExtensionReason = null,
        PendingExplanation = null,
        ProcessorsWaived = [.. request.ProcessorsWaived.Select(w => w with { Reason = string.Empty, WaivedBy = string.Empty })],
        RetainedCategories = [.. request.RetainedCategories.Select(r => r with { Reason = string.Empty })],
    };
}
