namespace CallLoop.Domain;

/// <summary>The appeal was answered in writing.</summary>
[GenerateSerializer, Immutable, Alias("callloop.appeal-decided")]
public sealed record AppealDecided : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; init; } = string.Empty;

    [Id(1)]
    public AppealOutcome Outcome { get; init; }

    [Id(2)]
    public string Explanation { get; init; } = string.Empty;

    /// <summary>Where the requester may complain, e.g. the state attorney general.</summary>
    [Id(3)]
    public string? ComplaintTo { get; init; }

    [Id(4)]
    public DateTimeOffset DecidedAt { get; init; }
}
