namespace CallLoop.Domain;

/// <summary>Record that the requester could not be verified; the request is then usually denied as unverifiable.</summary>
[GenerateSerializer, Immutable, Alias("callloop.fail-verification")]
public sealed record FailVerification : SubjectCommand
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public VerificationMethod Method { get; init; }

    [Id(2)]
    public int DataPointsMatched { get; init; }

    [Id(3)]
    public string? Reason { get; init; }
}

internal static class FailVerificationDecision
{
    public static FailVerification Validate(FailVerification command, DateTimeOffset now)
    {
        CommandInput.NotNegative(command.DataPointsMatched, "dataPointsMatched");
        return command with
        {
            RequestId = CommandInput.Id(command.RequestId, "requestId"),
            Method = CommandInput.Defined(command.Method, "method"),
            Reason = CommandInput.OptionalLongText(command.Reason, "reason", 1024),
        };
    }

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, FailVerification command, DateTimeOffset now)
    {
        var request = Preconditions.RequireOpen(Preconditions.FindRequest(state, command.SubjectId, command.RequestId));
        if (request.IsVerified)
        {
            throw Preconditions.Violation("request-already-verified", $"Rights request '{request.RequestId}' is already verified.");
        }

        return
        [
            new IdentityVerificationFailed
            {
                RequestId = request.RequestId,
                Method = command.Method,
                DataPointsMatched = command.DataPointsMatched,
                Reason = command.Reason,
                FailedAt = now,
            },
        ];
    }
}
