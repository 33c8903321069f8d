namespace CallLoop.Domain;

/// <summary>An open request passed its response deadline without being completed.</summary>
[GenerateSerializer, Immutable, Alias("callloop.rights-request-overdue")]
public sealed record RightsRequestOverdue : SubjectEvent
{
    [Id(0)]
    public string RequestId { get; set; } = string.Empty;

    [Id(1)]
    public RightsRequestType Type { get; set; }

    [Id(2)]
    public string Jurisdiction { get; set; } = string.Empty;

    [Id(3)]
    public DateTimeOffset DueAt { get; set; }
}
