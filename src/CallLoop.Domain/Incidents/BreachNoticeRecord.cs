namespace CallLoop.Domain;

/// <summary>A breach notice the subject was sent (shown in their profile history and access report).</summary>
[GenerateSerializer, Immutable, Alias("callloop.breach-notice-record")]
public sealed record BreachNoticeRecord
{
    [Id(0)]
    public string IncidentId { get; init; } = string.Empty;

    [Id(1)]
    public NoticeChannel Channel { get; init; }

    [Id(2)]
    public DateTimeOffset SentAt { get; init; }

    [Id(3)]
    public string Jurisdiction { get; init; } = string.Empty;
}
