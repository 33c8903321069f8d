namespace CallLoop.Domain;

/// <summary>
/// How each event changes one rights request: the only place that says so. The subject's state and the analysts'
/// request records both fold through here, so the two cannot disagree. Pure, and needs nothing but the request.
/// </summary>
public static class RightsRequestEvolution
{
    /// <summary>Every event type that changes a request (a projection subscribes to exactly these).</summary>
    public static IReadOnlyList<Type> EventTypes { get; } =
    [
        typeof(RightsRequestReceived), typeof(RequestReceiptConfirmed), typeof(IdentityVerified), typeof(IdentityVerificationFailed),
        typeof(RightsRequestExtended), typeof(RightsRequestCompleted), typeof(AppealFiled), typeof(AppealDecided), typeof(AppealExtended),
        typeof(RightsRequestReopened), typeof(RightsRequestDueSoon), typeof(RightsRequestOverdue), typeof(RequestDeadlineDueSoon),
        typeof(RequestDeadlineOverdue), typeof(RightsRequestAwaitingProcessors), typeof(PropagationPlanned), typeof(ProcessorAcknowledged),
        typeof(ProcessorDeliveryWaived), typeof(PersonalDataErased),
    ];

    /// <summary>The request an event changes; null when it names none (erasing identifiers also changes every request's agent: <see cref="ChangesEveryRequest"/>).</summary>
    public static string? RequestIdOf(SubjectEvent e) => e switch
    {
        RightsRequestReceived x => x.RequestId,
        RequestReceiptConfirmed x => x.RequestId,
        IdentityVerified x => x.RequestId,
        IdentityVerificationFailed x => x.RequestId,
        RightsRequestExtended x => x.RequestId,
        RightsRequestCompleted x => x.RequestId,
        AppealFiled x => x.RequestId,
        AppealDecided x => x.RequestId,
        AppealExtended x => x.RequestId,
        RightsRequestReopened x => x.RequestId,
        RightsRequestDueSoon x => x.RequestId,
        RightsRequestOverdue x => x.RequestId,
        RequestDeadlineDueSoon x => x.RequestId,
        RequestDeadlineOverdue x => x.RequestId,
        RightsRequestAwaitingProcessors x => x.RequestId,
        PropagationPlanned x => x.RequestId,
        ProcessorAcknowledged x => x.RequestId,
        ProcessorDeliveryWaived x => x.RequestId,
        PersonalDataErased x => x.RequestId,
        _ => null,
    };

    /// <summary>An erasure of the subject's identifiers takes an agent's name and proof off every request, not only its own.</summary>
    public static bool ChangesEveryRequest(SubjectEvent e) =>
        e is PersonalDataErased erased && erased.ErasedCategories.Contains(PersonalInformationCategory.Identifiers);

    public static RightsRequest Received(RightsRequestReceived received)
    {
        ArgumentNullException.ThrowIfNull(received);
        return new RightsRequest
        {
            RequestId = received.RequestId,
            Type = received.Type,
            Status = RightsRequestStatus.Received,
            Channel = received.Channel,
            Jurisdiction = received.Jurisdiction,
            Agent = received.Agent,
            ReceivedAt = received.ReceivedAt,
            DueAt = received.DueAt,
            ConfirmationDueAt = received.ConfirmationDueAt,
            ConsentPurposes = [.. received.ConsentPurposes ?? []],
            FromNonSubject = received.FromNonSubject,
        };
    }

    /// <summary>The request after <paramref name="e"/>; unchanged by events about other requests or none.</summary>
    public static RightsRequest Evolve(RightsRequest request, SubjectEvent e)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(e);
        if (e is PersonalDataErased erased)
        {
            return Erased(request, erased);
        }

        if (RequestIdOf(e) != request.RequestId)
        {
            return request;
        }

        return e switch
        {
            RightsRequestReceived received => Received(received),
            RequestReceiptConfirmed confirmed => request with { ReceiptConfirmedAt = confirmed.ConfirmedAt },
            IdentityVerified verified => request with
            {
                Status = RightsRequestStatus.Verified,
                VerifiedAt = verified.VerifiedAt,
                VerificationMethod = verified.Method,
                DataPointsMatched = verified.DataPointsMatched,
            },
            IdentityVerificationFailed failed => request with
            {
                Status = RightsRequestStatus.VerificationFailed,
                VerificationFailedAt = failed.FailedAt,
                VerificationMethod = failed.Method,
                DataPointsMatched = failed.DataPointsMatched,
            },
            RightsRequestExtended extended => request with
            {
                Status = RightsRequestStatus.Extended,
                Extended = true,
                ExtensionReason = extended.Reason,
                DueAt = extended.DueAt,
            },
            RightsRequestCompleted completed => request with
            {
                Status = RightsRequestStatus.Completed,
                CompletedAt = completed.CompletedAt,
                Outcome = completed.Outcome,
                DenialReason = completed.DenialReason,
                Explanation = completed.Explanation,
            },
            AppealFiled appeal => request with
            {
                Status = RightsRequestStatus.Appealed,
                AppealFiledAt = appeal.FiledAt,
                AppealDueAt = appeal.AppealDueAt,
            },
            AppealDecided decided => request with
            {
                Status = RightsRequestStatus.AppealDecided,
                AppealDecidedAt = decided.DecidedAt,
                AppealOutcome = decided.Outcome,
                AppealExplanation = decided.Explanation,
                ComplaintTo = decided.ComplaintTo,
            },
            AppealExtended extended => request with
            {
                AppealDueAt = extended.AppealDueAt,
                AppealExtended = true,
                AppealExtensionReason = extended.Reason,
            },
            RightsRequestReopened reopened => request with
            {
                Status = RightsRequestStatus.Reopened,
                ReopenedAt = reopened.ReopenedAt,
                DueAt = reopened.DueAt,
                FirstCompletedAt = request.CompletedAt,
                FirstOutcome = request.Outcome,
                FirstDenialReason = request.DenialReason,
                CompletedAt = null,
                Outcome = null,
                DenialReason = null,
                Explanation = null,
                DueSoonWarnedAt = null,
                DueSoonWarnedFor = null,
                OverdueAt = null,
            },
            RightsRequestDueSoon dueSoon => request with { DueSoonWarnedAt = dueSoon.OccurredAt, DueSoonWarnedFor = dueSoon.DueAt },
            RightsRequestOverdue overdue => request with { OverdueAt = overdue.OccurredAt },
            RequestDeadlineDueSoon dueSoon => dueSoon.Deadline == RequestDeadlineKind.AppealAnswer
                ? request with { AppealDueSoonWarnedAt = dueSoon.OccurredAt, AppealDueSoonWarnedFor = dueSoon.DueAt }
                : request with { ConfirmationDueSoonWarnedAt = dueSoon.OccurredAt },
            RequestDeadlineOverdue overdue => overdue.Deadline == RequestDeadlineKind.AppealAnswer
                ? request with { AppealOverdueAt = overdue.OccurredAt }
                : request with { ConfirmationOverdueAt = overdue.OccurredAt },
            RightsRequestAwaitingProcessors awaiting => request with
            {
                Status = RightsRequestStatus.AwaitingProcessors,
                AwaitingProcessorsSince = awaiting.FulfilledAt,
                PendingOutcome = awaiting.Outcome,
                PendingExplanation = awaiting.Explanation,
            },
            PropagationPlanned planned => request with
            {
                PropagationPlanned = true,
                ProcessorsAwaited = request.ProcessorsAwaited.AddRange(planned.Deliveries.Select(d => d.Processor).Where(p => !request.ProcessorsAwaited.Contains(p)).Distinct()),
                DeliveriesNotYetAcknowledged = request.DeliveriesNotYetAcknowledged.AddRange(planned.Deliveries),

                // A processor sent something new about the request has not acknowledged all of it any more.
                ProcessorsAcknowledged = request.ProcessorsAcknowledged.RemoveAll(p => planned.Deliveries.Any(d => d.Processor == p)),
            },
            ProcessorAcknowledged acknowledged => Acknowledged(request, acknowledged),
            ProcessorDeliveryWaived waived => request with
            {
                ProcessorsWaived = request.ProcessorsWaived.Add(new ProcessorWaiver
                {
                    Processor = waived.Processor,
                    DeliveryId = waived.DeliveryId,
                    Reason = waived.Reason,
                    WaivedBy = waived.WaivedBy,
                    WaivedAt = waived.OccurredAt,
                }),
            },
            _ => request,
        };
    }

    /// <summary>A processor counts as having acknowledged once every one of its deliveries about the request is acknowledged.</summary>
    private static RightsRequest Acknowledged(RightsRequest request, ProcessorAcknowledged acknowledged)
    {
        var outstanding = request.DeliveriesNotYetAcknowledged.RemoveAll(d => d.DeliveryId == acknowledged.DeliveryId);
        var done = !outstanding.Any(d => d.Processor == acknowledged.Processor) && !request.ProcessorsAcknowledged.Contains(acknowledged.Processor);
        return request with
        {
            DeliveriesNotYetAcknowledged = outstanding,
            ProcessorsAcknowledged = done ? request.ProcessorsAcknowledged.Add(acknowledged.Processor) : request.ProcessorsAcknowledged,
        };
    }

    /// <summary>The erasure's own request records what was kept and when; an agent's details go with the identifiers.</summary>
    private static RightsRequest Erased(RightsRequest request, PersonalDataErased erased)
    {
        var next = ChangesEveryRequest(erased) && request.Agent is not null ? request with { Agent = new AuthorizedAgent() } : request;
        return erased.RequestId == request.RequestId
            ? next with { RetainedCategories = [.. erased.Retained], ErasedAt = request.ErasedAt ?? erased.OccurredAt }
            : next;
    }
}
