namespace CallLoop.Domain;

/// <summary>Record that the requester was told their request arrived.</summary>
[GenerateSerializer, Immutable, Alias("callloop.confirm-receipt")]
public sealed record ConfirmReceipt : SubjectCommand
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;
}

internal static class ConfirmReceiptDecision
{
    public static ConfirmReceipt Validate(ConfirmReceipt command, DateTimeOffset now) =>
        command with { RequestId = CommandInput.Id(command.RequestId, "requestId") };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, ConfirmReceipt command, DateTimeOffset now)
    {
        var request = Preconditions.RequireOpen(Preconditions.FindRequest(state, command.SubjectId, command.RequestId));
        return request.ReceiptConfirmedAt is null
            ? [new RequestReceiptConfirmed { RequestId = request.RequestId, ConfirmedAt = now }]
            : [];
    }
}
