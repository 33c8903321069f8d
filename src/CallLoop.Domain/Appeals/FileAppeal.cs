namespace CallLoop.Domain;

/// <summary>Appeal a denied or partially fulfilled request, where the law gives an appeal.</summary>
[GenerateSerializer, Immutable, Alias("callloop.file-appeal")]
public sealed record FileAppeal : SubjectCommand
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public string? Reason { get; init; }

    /// <summary>Defaults to now; the appeal clock starts here.</summary>
    [Id(2)]
    public DateTimeOffset? FiledAt { get; init; }
}

internal static class FileAppealDecision
{
    public static FileAppeal Validate(FileAppeal command, DateTimeOffset now) => command with
    {
        RequestId = CommandInput.Id(command.RequestId, "requestId"),
        Reason = CommandInput.OptionalLongText(command.Reason, "reason"),
        FiledAt = CommandInput.Timestamp(command.FiledAt, "filedAt", now),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, FileAppeal command, DateTimeOffset now)
    {
        var request = Preconditions.FindRequest(state, command.SubjectId, command.RequestId);
        var law = Preconditions.LawOf(request);
        if (!law.HasAppealRight)
        {
            throw Preconditions.Violation("no-appeal-right", $"The law of {law.Code} gives no appeal; complaints go to the {law.ComplaintAuthority}.");
        }

        if (request.AppealFiledAt is not null)
        {
            throw Preconditions.Violation("appeal-already-filed", $"Rights request '{request.RequestId}' has already been appealed.");
        }

        if (!request.IsCompleted)
        {
            throw Preconditions.Violation("request-not-completed", $"Rights request '{request.RequestId}' has not been answered yet.");
        }

        if (request.Outcome == RequestOutcome.Fulfilled)
        {
            throw Preconditions.Violation("appeal-not-allowed", $"Rights request '{request.RequestId}' was fulfilled; only denials and partial fulfilments can be appealed.");
        }

        var filedAt = command.FiledAt ?? now;
        return
        [
            new AppealFiled
            {
                RequestId = request.RequestId,
                Reason = command.Reason,
                FiledAt = filedAt,
                AppealDueAt = RightsRequestDeadline.AppealDueAt(law, filedAt)!.Value,
            },
        ];
    }
}
