namespace CallLoop.EventStore.Protection;

/// <summary>
/// The text forms a personal value takes in storage: <c>pii:1:&lt;keyId&gt;:&lt;base64(nonce | ciphertext | tag)&gt;</c>
/// while its key exists, and <c>erased:&lt;keyId&gt;</c> once masked after erasure. Anything else is a plain value
/// (written before encryption existed).
/// </summary>
public static class SealedText
{
    public const string SealedPrefix = "pii:1:";
    public const string ErasedPrefix = "erased:";

    public static string Format(string keyId, ReadOnlySpan<byte> payload) => Format(SealedPrefix, keyId, payload);

    /// <summary><c>&lt;prefix&gt;&lt;keyId&gt;:&lt;base64&gt;</c>, the form <see cref="TryParse(string?, string, out string, out byte[])"/> splits.</summary>
    internal static string Format(string prefix, string keyId, ReadOnlySpan<byte> payload) => $"{prefix}{keyId}:{Convert.ToBase64String(payload)}";

    public static string Erased(string keyId) => ErasedPrefix + keyId;

    public static bool IsErased(string? text) => text is not null && text.StartsWith(ErasedPrefix, StringComparison.Ordinal);

    public static bool IsSealed(string? text) => text is not null && text.StartsWith(SealedPrefix, StringComparison.Ordinal);

    /// <summary>The key id of a sealed or erased value; null for a plain value.</summary>
    public static string? KeyIdOf(string? text)
    {
        if (IsErased(text))
        {
            return text![ErasedPrefix.Length..];
        }

        if (!IsSealed(text))
        {
            return null;
        }

        var rest = text![SealedPrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? rest[..colon] : null;
    }

    /// <summary>Splits a sealed value into its key id and payload; false when it is not well-formed.</summary>
    public static bool TryParse(string? text, out string keyId, out byte[] payload) => TryParse(text, SealedPrefix, out keyId, out payload);

    /// <summary>Splits <c>&lt;prefix&gt;&lt;keyId&gt;:&lt;base64&gt;</c> into its key id and payload; false when it is not well-formed.</summary>
    internal static bool TryParse(string? text, string prefix, out string keyId, out byte[] payload)
    {
        keyId = string.Empty;
        payload = [];
        if (text is null || !text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text[prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var base64 = rest[(colon + 1)..];
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return false;
        }

        keyId = rest[..colon];
        payload = buffer[..written];
        return true;
    }
}
