namespace CallLoop.Domain;

/// <summary>A nationwide consumer reporting agency was told of the breach, for these jurisdictions' residents.</summary>
[GenerateSerializer, Immutable, Alias("callloop.credit-bureau-notified")]
public sealed record CreditBureauNotified : IncidentEvent
{
    [Id(0)]
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];

    [Id(1)]
    public CreditBureau Bureau { get; init; }

    [Id(2)]
    public DateTimeOffset SentAt { get; init; }
}
