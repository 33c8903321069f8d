namespace CallLoop.Domain;

/// <summary>Whether a message may be sent, with a stable kebab-case reason code and, when only time stands in the way, when it may.</summary>
[GenerateSerializer, Immutable, Alias("callloop.contact-decision")]
public sealed record ContactDecision
{
    [Id(0)]
    public bool Allowed { get; init; }

    [Id(1)]
    public string Reason { get; init; } = string.Empty;

    /// <summary>For <c>quiet-hours</c> and <c>frequency-limit</c>: the first moment a text may go (as far as this check knows).</summary>
    [Id(2)]
    public DateTimeOffset? NextAllowedAt { get; init; }

    public static ContactDecision Allow(string reason) => new() { Allowed = true, Reason = reason };

    public static ContactDecision Deny(string reason) => new() { Allowed = false, Reason = reason };

    public static ContactDecision Later(string reason, DateTimeOffset nextAllowedAt) => new() { Allowed = false, Reason = reason, NextAllowedAt = nextAllowedAt };
}
