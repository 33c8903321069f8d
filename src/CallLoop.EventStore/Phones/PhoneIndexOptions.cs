namespace CallLoop.EventStore.Phones;

/// <summary>The secret that keys the phone index's hashes (configuration: <c>CallLoop:PhoneIndexKey</c>, base64).</summary>
public sealed class PhoneIndexOptions
{
    /// <summary>Shorter keys weaken HMAC-SHA256 below its hash size.</summary>
    public const int MinimumKeyBytes = 32;

    public byte[] Key { get; set; } = [];

    // The key must never reach a log, even through a debugger display or a structured logger.
    public override string ToString() => nameof(PhoneIndexOptions);
}
