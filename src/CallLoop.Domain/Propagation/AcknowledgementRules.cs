namespace CallLoop.Domain;

/// <summary>When a delete request that waits on processors may complete.</summary>
internal static class AcknowledgementRules
{
    public static bool IsAwaiting(RightsRequestRecord request) =>
        request.AwaitingProcessorsSince is not null && !request.IsCompleted;

    /// <summary>The completion owed once every delivery planned for the waiting request is acknowledged or waived.</summary>
    public static IEnumerable<SubjectEvent> CompletionIfAllAcknowledged(SubjectState state, string? requestId, DateTimeOffset now)
    {
        if (requestId is null || !state.Requests.TryGetValue(requestId, out var request) || !IsAwaiting(request))
        {
            return [];
        }

        var planned = state.Propagation.Deliveries.Values.Where(d => d.RequestId == requestId).ToList();
        if (!request.PropagationPlanned || planned.Any(d => !DeliveryLookup.IsSettled(d)))
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
