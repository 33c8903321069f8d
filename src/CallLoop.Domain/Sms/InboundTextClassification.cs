namespace CallLoop.Domain;

/// <summary>
/// An inbound text's meaning and why (a stable code such as <c>per-se-word:stop</c> or <c>phrase:remove me</c>).
/// The reason names the rule that matched, never the text itself, so it may be stored and logged.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.inbound-text-classification")]
public sealed record InboundTextClassification
{
    [Id(0)]
    public InboundTextKind Kind { get; init; }

    [Id(1)]
    public string Reason { get; init; } = string.Empty;

    public static InboundTextClassification Of(InboundTextKind kind, string reason) => new() { Kind = kind, Reason = reason };
}
