namespace CallLoop.Domain;

/// <summary>Restrict processing to legal-compliance and security purposes.</summary>
[GenerateSerializer, Immutable, Alias("callloop.restrict-processing")]
public sealed record RestrictProcessing : SubjectCommand
{
    [Id(0)]
    public string? Reason { get; init; }

    [Id(1)]
    public string? RequestId { get; init; }
}

internal static class RestrictProcessingDecision
{
    public static RestrictProcessing Validate(RestrictProcessing command, DateTimeOffset now) => command with
    {
        Reason = CommandInput.OptionalLongText(command.Reason, "reason", 1024),
        RequestId = CommandInput.OptionalId(command.RequestId, "requestId"),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, RestrictProcessing command, DateTimeOffset now)
    {
        if (command.RequestId is { } requestId)
        {
            Preconditions.FindRequest(state, command.SubjectId, requestId);
        }

        return state.IsRestricted ? [] : [new ProcessingRestricted { Reason = command.Reason, RequestId = command.RequestId }];
    }
}
