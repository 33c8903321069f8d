namespace CallLoop.Domain;

/// <summary>Folds the propagation events, and remembers every category ever collected, into <see cref="SubjectState.Propagation"/>.</summary>
internal static class PropagationEvolver
{
    /// <summary>Called for every event after the main fold.</summary>
    public static SubjectState Track(SubjectState state, SubjectEvent e) => e switch
    {
        PersonalInformationCollected collected when !state.Propagation.CategoriesEverHeld.Contains(collected.Category) =>
            With(state, p => p with { CategoriesEverHeld = p.CategoriesEverHeld.Add(collected.Category) }),
        PropagationPlanned planned => Plan(state, planned),
        WebhookDelivered or WebhookAttemptFailed or WebhookDeadLettered or WebhookRedeliveryRequested =>
            UpdateDelivery(state, DeliveryEvolver.DeliveryIdOf(e)!, d => DeliveryEvolver.Evolve(d, e)),
        ProcessorAcknowledged acknowledged => Acknowledge(state, acknowledged),
        ProcessorDeliveryWaived waived => Waive(state, waived),
        RightsRequestAwaitingProcessors awaiting => SubjectEvolver.UpdateRequest(state, awaiting.RequestId, r => r with
        {
            Status = RightsRequestStatus.AwaitingProcessors,
            AwaitingProcessorsSince = awaiting.FulfilledAt,
            PendingOutcome = awaiting.Outcome,
            PendingExplanation = awaiting.Explanation,
        }),
        _ => state,
    };

    private static SubjectState Plan(SubjectState state, PropagationPlanned planned)
    {
        var next = With(state, p => p with
        {
            PlannedSequences = p.PlannedSequences.Add(planned.SourceSequence),
            Deliveries = p.Deliveries.SetItems(planned.Deliveries.Select(d => KeyValuePair.Create(d.DeliveryId, DeliveryEvolver.Planned(planned, d)))),
        });
        return planned.RequestId is { } requestId
            ? SubjectEvolver.UpdateRequest(next, requestId, r => r with
            {
                PropagationPlanned = true,
                ProcessorsAwaited = r.ProcessorsAwaited.AddRange(planned.Deliveries.Select(d => d.Processor).Where(p => !r.ProcessorsAwaited.Contains(p)).Distinct()),
            })
            : next;
    }

    private static SubjectState Acknowledge(SubjectState state, ProcessorAcknowledged acknowledged)
    {
        var next = UpdateDelivery(state, acknowledged.DeliveryId, d => DeliveryEvolver.Evolve(d, acknowledged));
        if (acknowledged.RequestId is not { } requestId)
        {
            return next;
        }

        // A processor counts as having acknowledged once all of its deliveries for the request are acknowledged.
        var outstanding = next.Propagation.Deliveries.Values.Any(d => d.RequestId == requestId && d.Processor == acknowledged.Processor && d.AcknowledgedAt is null);
        return outstanding
            ? next
            : SubjectEvolver.UpdateRequest(next, requestId, r => r.ProcessorsAcknowledged.Contains(acknowledged.Processor)
                ? r
                : r with { ProcessorsAcknowledged = r.ProcessorsAcknowledged.Add(acknowledged.Processor) });
    }

    private static SubjectState Waive(SubjectState state, ProcessorDeliveryWaived waived)
    {
        var next = UpdateDelivery(state, waived.DeliveryId, d => DeliveryEvolver.Evolve(d, waived));
        var waiver = new ProcessorWaiver
        {
            Processor = waived.Processor,
            DeliveryId = waived.DeliveryId,
            Reason = waived.Reason,
            WaivedBy = waived.WaivedBy,
            WaivedAt = waived.OccurredAt,
        };
        return waived.RequestId is { } requestId
            ? SubjectEvolver.UpdateRequest(next, requestId, r => r with { ProcessorsWaived = r.ProcessorsWaived.Add(waiver) })
            : next;
    }

    private static SubjectState With(SubjectState state, Func<PropagationState, PropagationState> change) =>
        state with { Propagation = change(state.Propagation) };

    private static SubjectState UpdateDelivery(SubjectState state, string deliveryId, Func<DeliveryRecord, DeliveryRecord> change) =>
        state.Propagation.Deliveries.TryGetValue(deliveryId, out var delivery)
            ? With(state, p => p with { Deliveries = p.Deliveries.SetItem(deliveryId, change(delivery)) })
            : state;
}
