namespace CallLoop.Domain;

/// <summary>Use the one extension the law allows, announced with its reason before the first period ends.</summary>
[GenerateSerializer, Immutable, Alias("callloop.extend-request")]
public sealed record ExtendRequest : SubjectCommand
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public string Reason { get; init; } = string.Empty;
}

internal static class ExtendRequestDecision
{
    public static ExtendRequest Validate(ExtendRequest command, DateTimeOffset now) => command with
    {
        RequestId = CommandInput.Id(command.RequestId, "requestId"),
        Reason = CommandInput.LongText(command.Reason, "reason", 1024),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, ExtendRequest command, DateTimeOffset now)
    {
        var request = Preconditions.RequireOpen(Preconditions.FindRequest(state, command.SubjectId, command.RequestId));
        var law = Preconditions.LawOf(request);
        if (request.Extended)
        {
            throw Preconditions.Violation("request-already-extended", $"Rights request '{request.RequestId}' was already extended once.");
        }

        if (RightsRequestDeadline.IsOptOutOrLimit(request.Type) && law.OptOutBusinessDays is not null)
        {
            throw Preconditions.Violation("extension-not-allowed", $"Opt-out and limit requests in {law.Code} cannot be extended.");
        }

        if (now > request.DueAt)
        {
            throw Preconditions.Violation("extension-after-due-date", $"Rights request '{request.RequestId}' is past its due date and can no longer be extended.");
        }

        return
        [
            new RightsRequestExtended
            {
                RequestId = request.RequestId,
                Reason = command.Reason,
                PreviousDueAt = request.DueAt,
                DueAt = RightsRequestDeadline.ExtendedDueAt(law, request.DueAt),
            },
        ];
    }
}
