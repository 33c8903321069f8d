namespace CallLoop.Domain;

/// <summary>The subject was sent the notice of a data breach that affected them (ids and codes only, never the text).</summary>
[GenerateSerializer, Immutable, Alias("callloop.breach-notice-sent")]
public sealed record BreachNoticeSent : SubjectEvent
{
    [Id(0)]
    public string IncidentId { get; init; } = string.Empty;

    [Id(1)]
    public NoticeChannel Channel { get; init; }

    [Id(2)]
    public DateTimeOffset SentAt { get; init; }

    /// <summary>The jurisdiction whose law the notice answered (the subject's at the time of the breach).</summary>
    [Id(3)]
    public string Jurisdiction { get; init; } = string.Empty;
}
