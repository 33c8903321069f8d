namespace CallLoop.Domain;

/// <summary>The appeal was answered in writing.</summary>
[GenerateSerializer, Immutable, Alias("callloop.appeal-decided")]
public sealed record AppealDecided : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; set; } = string.Empty;

    [Id(1)]
    public AppealOutcome Outcome { get; set; }

    [Id(2)]
    public string Explanation { get; set; } = string.Empty;

    /// <summary>Where the requester may complain, e.g. the state attorney general.</summary>
    [Id(3)]
    public string? ComplaintTo { get; set; }

    [Id(4)]
    public DateTimeOffset DecidedAt { get; set; }
}
