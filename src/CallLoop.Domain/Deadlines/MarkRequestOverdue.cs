namespace CallLoop.Domain;

/// <summary>
/// Record that one of an open request's deadlines passed: the response (default), the receipt confirmation or an
/// open appeal's answer. Sent by the deadline reminder; rejected before the deadline (an extension may have moved
/// it), and a deadline no longer owed or already overdue yields nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.mark-request-overdue")]
public sealed record MarkRequestOverdue : SubjectCommand
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public RequestDeadlineKind Deadline { get; init; }
}

internal static class MarkRequestOverdueDecision
{
    public static MarkRequestOverdue Validate(MarkRequestOverdue command, DateTimeOffset now) =>
        command with { RequestId = CommandInput.Id(command.RequestId, "requestId"), Deadline = CommandInput.Defined(command.Deadline, "deadline") };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, MarkRequestOverdue command, DateTimeOffset now)
    {
        var request = Preconditions.FindRequest(state, command.SubjectId, command.RequestId);
        if (RequestDeadlines.OpenDueAt(request, command.Deadline) is not { } dueAt || RequestDeadlines.IsOverdue(request, command.Deadline))
        {
            return [];
        }

        if (now < dueAt)
        {
            throw Preconditions.Violation("request-not-yet-due", $"Rights request '{request.RequestId}' is not due before {dueAt:O}.");
        }

        return command.Deadline == RequestDeadlineKind.Response
            ? [new RightsRequestOverdue { RequestId = request.RequestId, Type = request.Type, Jurisdiction = request.Jurisdiction, DueAt = dueAt }]
            : [new RequestDeadlineOverdue { RequestId = request.RequestId, Deadline = command.Deadline, Type = request.Type, Jurisdiction = request.Jurisdiction, DueAt = dueAt }];
    }
}
