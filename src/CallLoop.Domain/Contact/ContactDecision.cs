namespace CallLoop.Domain;

/// <summary>Whether a message may be sent, with a stable kebab-case reason code.</summary>
[GenerateSerializer, Immutable, Alias("callloop.contact-decision")]
public sealed record ContactDecision
{
    [Id(0)]
    public bool Allowed { get; init; }

    [Id(1)]
    public string Reason { get; init; } = string.Empty;

    public static ContactDecision Allow(string reason) => new() { Allowed = true, Reason = reason };

    public static ContactDecision Deny(string reason) => new() { Allowed = false, Reason = reason };
}
