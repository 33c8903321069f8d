namespace CallLoop.Domain;

/// <summary>The time to answer an appeal was extended once, with notice and the reason to the requester.</summary>
[GenerateSerializer, Immutable, Alias("callloop.appeal-extended")]
public sealed record AppealExtended : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public string Reason { get; init; } = string.Empty;

    [Id(2)]
    public DateTimeOffset PreviousDueAt { get; init; }

    [Id(3)]
    public DateTimeOffset AppealDueAt { get; init; }
}
