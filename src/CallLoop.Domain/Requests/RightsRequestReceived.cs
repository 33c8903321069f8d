namespace CallLoop.Domain;

/// <summary>A rights request arrived; its deadlines are computed once, from the law at receipt.</summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-received")]
public sealed record RightsRequestReceived : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public RightsRequestType Type { get; init; }

    [Id(2)]
    public RequestChannel Channel { get; init; }

    [Id(3)]
    public string Jurisdiction { get; init; } = string.Empty;

    [Id(4)]
    public AuthorizedAgent? Agent { get; init; }

    [Id(5)]
    public DateTimeOffset ReceivedAt { get; init; }

    [Id(6)]
    public DateTimeOffset DueAt { get; init; }

    [Id(7)]
    public DateTimeOffset? ConfirmationDueAt { get; init; }

    /// <summary>For a withdraw-consent request: the consents named; empty means every consent.</summary>
    [Id(8)]
    public IReadOnlyList<ConsentPurpose> ConsentPurposes { get; init; } = [];

    /// <summary>The requester was not a registered subject; <see cref="Jurisdiction"/> came with the request.</summary>
    [Id(9)]
    public bool FromNonSubject { get; init; }
}
