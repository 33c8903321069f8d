namespace CallLoop.Domain;

/// <summary>
/// Record that one of an open request's deadlines is near: the response (default), the receipt confirmation or an
/// open appeal's answer. Sent by the deadline reminder; a deadline no longer owed or already warned about yields
/// nothing, because reminders may race with closing and may fire twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.mark-request-due-soon")]
public sealed record MarkRequestDueSoon : SubjectCommand
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public RequestDeadlineKind Deadline { get; init; }
}

internal static class MarkRequestDueSoonDecision
{
    public static MarkRequestDueSoon Validate(MarkRequestDueSoon command, DateTimeOffset now) =>
        command with { RequestId = CommandInput.Id(command.RequestId, "requestId"), Deadline = CommandInput.Defined(command.Deadline, "deadline") };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, MarkRequestDueSoon command, DateTimeOffset now)
    {
        var request = Preconditions.FindRequest(state, command.SubjectId, command.RequestId);
        if (RequestDeadlines.OpenDueAt(request, command.Deadline) is not { } dueAt || RequestDeadlines.WarnedOrOverdue(request, command.Deadline, dueAt))
        {
            return [];
        }

        return command.Deadline == RequestDeadlineKind.Response
            ? [new RightsRequestDueSoon { RequestId = request.RequestId, Type = request.Type, Jurisdiction = request.Jurisdiction, DueAt = dueAt }]
            : [new RequestDeadlineDueSoon { RequestId = request.RequestId, Deadline = command.Deadline, Type = request.Type, Jurisdiction = request.Jurisdiction, DueAt = dueAt }];
    }
}
