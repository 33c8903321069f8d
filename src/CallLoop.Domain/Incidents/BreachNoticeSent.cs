namespace CallLoop.Domain;

/// <summary>The subject was sent the notice of a data breach that affected them (ids and codes only, never the text).</summary>
[GenerateSerializer, Immutable, Alias("callloop.breach-notice-sent")]
public sealed record BreachNoticeSent : SubjectEvent
{
    [Id(0)]
    public string IncidentId { get; set; } = string.Empty;

    [Id(1)]
    public NoticeChannel Channel { get; set; }

    [Id(2)]
    public DateTimeOffset SentAt { get; set; }

    /// <summary>The jurisdiction whose law the notice answered (the subject's at the time of the breach).</summary>
    [Id(3)]
    public string Jurisdiction { get; set; } = string.Empty;
}
