namespace CallLoop.Domain;

/// <summary>Answer an appeal in writing, with the reasons and, when upheld, where to complain.</summary>
[GenerateSerializer, Immutable, Alias("callloop.decide-appeal")]
public sealed record DecideAppeal : SubjectCommand
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public AppealOutcome Outcome { get; init; }

    [Id(2)]
    public string Explanation { get; init; } = string.Empty;

    /// <summary>Defaults, when upheld, to the jurisdiction's complaint authority (e.g. the state attorney general).</summary>
    [Id(3)]
    public string? ComplaintTo { get; init; }

    // [Id(4)] was ReopenedDueDays, now SubjectPolicy.ReopenedDueDays: not to be reused.
}

internal static class DecideAppealDecision
{
    public static DecideAppeal Validate(DecideAppeal command, DateTimeOffset now) => command with
    {
        RequestId = CommandInput.Id(command.RequestId, "requestId"),
        Outcome = CommandInput.Defined(command.Outcome, "outcome"),
        Explanation = CommandInput.LongText(command.Explanation, "explanation"),
        ComplaintTo = CommandInput.OptionalText(command.ComplaintTo, "complaintTo", 256),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, DecideAppeal command, DateTimeOffset now, SubjectPolicy policy)
    {
        var request = Preconditions.FindRequest(state, command.SubjectId, command.RequestId);
        if (request.AppealFiledAt is null)
        {
            throw Preconditions.Violation("appeal-not-filed", $"Rights request '{request.RequestId}' has no appeal to decide.");
        }

        if (request.AppealDecidedAt is not null)
        {
            throw Preconditions.Violation("appeal-already-decided", $"The appeal of rights request '{request.RequestId}' is already decided.");
        }

        var complaintTo = command.ComplaintTo
            ?? (command.Outcome == AppealOutcome.Upheld ? Preconditions.LawOf(request).ComplaintAuthority : null);
        var decided = new AppealDecided
        {
            RequestId = request.RequestId,
            Outcome = command.Outcome,
            Explanation = command.Explanation,
            ComplaintTo = complaintTo,
            DecidedAt = now,
        };
        return command.Outcome == AppealOutcome.Reversed
            ? [decided, new RightsRequestReopened { RequestId = request.RequestId, ReopenedAt = now, DueAt = now.AddDays(policy.ReopenedDueDays) }]
            : [decided];
    }
}
