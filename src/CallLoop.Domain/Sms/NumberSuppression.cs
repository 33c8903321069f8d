namespace CallLoop.Domain;

/// <summary>
/// A do-not-text instruction for a phone number, whoever holds it: recorded on every revocation from the number,
/// lifted by its START. It binds every holder, present or future, whose consent is dated before it.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.number-suppression")]
public sealed record NumberSuppression
{
    [Id(0)]
    public DateTimeOffset SuppressedAt { get; init; }

    /// <summary>The classification reason of the revocation (never the text).</summary>
    [Id(1)]
    public string Reason { get; init; } = string.Empty;

    [Id(2)]
    public DateTimeOffset? LiftedAt { get; init; }

    /// <summary>Idempotency keys of the latest texts that changed it, so a late redelivery changes nothing.</summary>
    [Id(3)]
    public ImmutableList<string> TextKeys { get; init; } = [];

    public bool InForce => LiftedAt is null;

    /// <summary>Whether a consent given at <paramref name="consentGrantedAt"/> is overridden by this suppression.</summary>
    public bool Binds(DateTimeOffset? consentGrantedAt) => InForce && (consentGrantedAt is null || consentGrantedAt < SuppressedAt);
}
