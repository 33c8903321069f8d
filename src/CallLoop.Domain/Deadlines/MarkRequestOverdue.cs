namespace CallLoop.Domain;

/// <summary>
/// Record that an open request missed its deadline. Sent by the deadline reminder; rejected before the
/// deadline (an extension may have moved it), and a closed or already overdue request yields nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.mark-request-overdue")]
public sealed record MarkRequestOverdue : SubjectCommand
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;
}

internal static class MarkRequestOverdueDecision
{
    public static MarkRequestOverdue Validate(MarkRequestOverdue command, DateTimeOffset now) =>
        command with { RequestId = Require.Id(command.RequestId, "requestId") };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, MarkRequestOverdue command, DateTimeOffset now)
    {
        var request = Rules.FindRequest(state, command.SubjectId, command.RequestId);
        if (request.IsCompleted || request.OverdueAt is not null)
        {
            return [];
        }

        if (now < request.DueAt)
        {
            throw Rules.Violation("request-not-yet-due", $"Rights request '{request.RequestId}' is not due before {request.DueAt:O}.");
        }

        return
        [
            new RightsRequestOverdue { RequestId = request.RequestId, Type = request.Type, Jurisdiction = request.Jurisdiction, DueAt = request.DueAt },
        ];
    }
}
