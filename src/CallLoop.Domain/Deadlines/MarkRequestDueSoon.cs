namespace CallLoop.Domain;

/// <summary>
/// Record that an open request's deadline is near. Sent by the deadline reminder; a closed request or a
/// deadline already warned about yields nothing, because reminders may race with closing and may fire twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.mark-request-due-soon")]
public sealed record MarkRequestDueSoon : SubjectCommand
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;
}

internal static class MarkRequestDueSoonDecision
{
    public static MarkRequestDueSoon Validate(MarkRequestDueSoon command, DateTimeOffset now) =>
        command with { RequestId = Require.Id(command.RequestId, "requestId") };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, MarkRequestDueSoon command, DateTimeOffset now)
    {
        var request = Rules.FindRequest(state, command.SubjectId, command.RequestId);
        if (request.IsCompleted || request.OverdueAt is not null || request.DueSoonWarnedFor == request.DueAt)
        {
            return [];
        }

        return
        [
            new RightsRequestDueSoon { RequestId = request.RequestId, Type = request.Type, Jurisdiction = request.Jurisdiction, DueAt = request.DueAt },
        ];
    }
}
