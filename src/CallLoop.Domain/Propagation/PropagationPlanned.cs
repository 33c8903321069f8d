namespace CallLoop.Domain;

/// <summary>
/// The processors affected by the event at <see cref="SourceSequence"/> were chosen; each is owed a webhook.
/// Carries what to do (codes only, never a value); <see cref="RequestId"/> links a delete request waiting on the acknowledgements.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.propagation-planned")]
public sealed record PropagationPlanned : SubjectEvent
{
    [Id(0)]
    public long SourceSequence { get; init; }

    [Id(1)]
    public PropagationAction Action { get; init; }

    [Id(2)]
    public PersonalInformationCategory? Category { get; init; }

    [Id(3)]
    public OptOutScope? Scope { get; init; }

    [Id(4)]
    public ConsentPurpose? Purpose { get; init; }

    [Id(5)]
    public string? RequestId { get; init; }

    [Id(6)]
    public IReadOnlyList<PlannedDelivery> Deliveries { get; init; } = [];
}
