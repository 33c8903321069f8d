namespace CallLoop.Domain;

/// <summary>The requester was told the request was received.</summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-receipt-confirmed")]
public sealed record RequestReceiptConfirmed : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public DateTimeOffset ConfirmedAt { get; init; }
}
