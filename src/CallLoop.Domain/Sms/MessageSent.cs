namespace CallLoop.Domain;

/// <summary>A sending system sent the subject a message (never its body).</summary>
[GenerateSerializer, Immutable, Alias("callloop.message-sent")]
public sealed record MessageSent : SubjectEvent
{
    [Id(0)]
    public ContactChannel Channel { get; init; }

    [Id(1)]
    public MessageKind Kind { get; init; }

    /// <summary>What the message is about (a campaign or program code), for the same-topic frequency limits.</summary>
    [Id(2)]
    public string Topic { get; init; } = string.Empty;

    [Id(3)]
    public DateTimeOffset SentAt { get; init; }
}
