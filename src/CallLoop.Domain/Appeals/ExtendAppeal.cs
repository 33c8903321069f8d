namespace CallLoop.Domain;

/// <summary>Use the extra time the law allows to answer an appeal (CO, MN: 60 days), announced with its reason.</summary>
[GenerateSerializer, Immutable, Alias("callloop.extend-appeal")]
public sealed record ExtendAppeal : SubjectCommand
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public string Reason { get; init; } = string.Empty;
}

internal static class ExtendAppealDecision
{
    public static ExtendAppeal Validate(ExtendAppeal command, DateTimeOffset now) => command with
    {
        RequestId = CommandInput.Id(command.RequestId, "requestId"),
        Reason = CommandInput.LongText(command.Reason, "reason", 1024),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, ExtendAppeal command, DateTimeOffset now)
    {
        var request = Preconditions.FindRequest(state, command.SubjectId, command.RequestId);
        var law = Preconditions.LawOf(request);
        if (request.AppealFiledAt is null || request.AppealDueAt is not { } dueAt)
        {
            throw Preconditions.Violation("appeal-not-filed", $"Rights request '{request.RequestId}' has no appeal to extend.");
        }

        if (request.AppealDecidedAt is not null)
        {
            throw Preconditions.Violation("appeal-already-decided", $"The appeal of rights request '{request.RequestId}' is already decided.");
        }

        if (law.AppealExtensionDays is not { } days)
        {
            throw Preconditions.Violation("appeal-extension-not-allowed", $"The law of {law.Code} allows no extension of the time to answer an appeal.");
        }

        if (request.AppealExtended)
        {
            throw Preconditions.Violation("appeal-already-extended", $"The appeal of rights request '{request.RequestId}' was already extended once.");
        }

        if (now > dueAt)
        {
            throw Preconditions.Violation("extension-after-due-date", $"The appeal of rights request '{request.RequestId}' is past its due date and can no longer be extended.");
        }

        return [new AppealExtended { RequestId = request.RequestId, Reason = command.Reason, PreviousDueAt = dueAt, AppealDueAt = dueAt.AddDays(days) }];
    }
}
