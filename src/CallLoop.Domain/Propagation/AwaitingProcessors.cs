namespace CallLoop.Domain;

/// <summary>A delete request waiting on processors: whether it waits, and when it may complete.</summary>
internal static class AwaitingProcessors
{
    public static bool IsAwaiting(RightsRequest request) =>
        request.AwaitingProcessorsSince is not null && !request.IsCompleted;

    /// <summary>
    /// The completion owed when <paramref name="settling"/> (a plan, an acknowledgement or a waiver being decided) leaves
    /// the waiting request with every planned delivery acknowledged or waived. The request is folded through
    /// <see cref="RightsRequestEvolution"/>, the same fold the state uses, so the decision and the state agree.
    /// </summary>
    public static IEnumerable<SubjectEvent> CompletionIfAllSettled(SubjectState state, SubjectEvent settling, DateTimeOffset now)
    {
        if (RightsRequestEvolution.RequestIdOf(settling) is not { } requestId || !state.Requests.TryGetValue(requestId, out var before))
        {
            return [];
        }

        var request = RightsRequestEvolution.Evolve(before, settling);
        var unsettled = request.DeliveriesNotYetAcknowledged.Where(d => !request.ProcessorsWaived.Any(w => w.DeliveryId == d.DeliveryId));
        if (!IsAwaiting(request) || !request.PropagationPlanned || unsettled.Any())
        {
            return [];
        }

        return
        [
            new RightsRequestCompleted
            {
                RequestId = requestId,
                Outcome = request.PendingOutcome ?? RequestOutcome.Fulfilled,
                Explanation = request.PendingExplanation,
                CompletedAt = now,
            },
        ];
    }
}
