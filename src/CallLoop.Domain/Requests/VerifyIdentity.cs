namespace CallLoop.Domain;

/// <summary>Record that the requester's identity was verified to the degree the request type needs.</summary>
[GenerateSerializer, Immutable, Alias("callloop.verify-identity")]
public sealed record VerifyIdentity : SubjectCommand
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public VerificationMethod Method { get; init; }

    [Id(2)]
    public int DataPointsMatched { get; init; }

    /// <summary>A declaration under penalty of perjury, needed for specific pieces of information.</summary>
    [Id(3)]
    public bool SignedDeclaration { get; init; }
}

internal static class VerifyIdentityDecision
{
    public static VerifyIdentity Validate(VerifyIdentity command, DateTimeOffset now)
    {
        CommandInput.NotNegative(command.DataPointsMatched, "dataPointsMatched");
        return command with
        {
            RequestId = CommandInput.Id(command.RequestId, "requestId"),
            Method = CommandInput.Defined(command.Method, "method"),
        };
    }

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, VerifyIdentity command, DateTimeOffset now)
    {
        var request = Preconditions.RequireOpen(Preconditions.FindRequest(state, command.SubjectId, command.RequestId));
        if (request.IsVerified)
        {
            return [];
        }

        if (!VerificationPolicy.IsSufficient(request.Type, command.Method, command.DataPointsMatched, command.SignedDeclaration))
        {
            throw Preconditions.Violation(
                "verification-insufficient",
                $"A '{EnumText.ToText(request.Type)}' request needs {VerificationPolicy.RequiredDataPoints(request.Type)} matched data points"
                + (VerificationPolicy.RequiresSignedDeclaration(request.Type) ? " and a signed declaration" : string.Empty)
                + ", or a login.");
        }

        return
        [
            new IdentityVerified
            {
                RequestId = request.RequestId,
                Method = command.Method,
                DataPointsMatched = command.DataPointsMatched,
                SignedDeclaration = command.SignedDeclaration,
                VerifiedAt = now,
            },
        ];
    }
}
