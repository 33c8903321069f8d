namespace CallLoop.Domain;

/// <summary>A breach notice the subject was sent (shown in their profile history and access report).</summary>
[GenerateSerializer, Immutable, Alias("callloop.breach-notice-record")]
public sealed record BreachNoticeRecord
{
    [Id(0)]
    public string IncidentId { get; set; } = string.Empty;

    [Id(1)]
    public NoticeChannel Channel { get; set; }

    [Id(2)]
    public DateTimeOffset SentAt { get; set; }

    [Id(3)]
    public string Jurisdiction { get; set; } = string.Empty;
}
