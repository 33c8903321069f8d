namespace CallLoop.Domain;

/// <summary>The requester was told the request was received.</summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-receipt-confirmed")]
public sealed record RequestReceiptConfirmed : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; set; } = string.Empty;

    [Id(1)]
    public DateTimeOffset ConfirmedAt { get; set; }
}
