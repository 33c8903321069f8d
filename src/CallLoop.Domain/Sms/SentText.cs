namespace CallLoop.Domain;

/// <summary>A marketing text a sending system sent (no body), kept while it counts toward a frequency limit.</summary>
[GenerateSerializer, Immutable, Alias("callloop.sent-text")]
public sealed record SentText
{
    [Id(0)]
    public string Topic { get; init; } = string.Empty;

    [Id(1)]
    public DateTimeOffset SentAt { get; init; }
}
