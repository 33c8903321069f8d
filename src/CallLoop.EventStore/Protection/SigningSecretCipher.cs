using System.Text;

namespace CallLoop.EventStore.Protection;

/// <summary>
/// A processor's webhook signing secret sealed at rest: <c>secret:1:&lt;masterKeyId&gt;:&lt;base64(nonce | ciphertext | tag)&gt;</c>,
/// AES-256-GCM under a master key, with associated data binding the master key id and the recipient id, so a sealed
/// secret opens only for the processor it was sealed for. Anything without the prefix is a secret stored in clear
/// before sealing existed.
/// </summary>
public static class SigningSecretCipher
{
    public const string SealedPrefix = "secret:1:";

    public static bool IsSealed(string? stored) => stored is not null && stored.StartsWith(SealedPrefix, StringComparison.Ordinal);

    public static string Seal(ReadOnlySpan<byte> masterKey, string masterKeyId, string recipientId, string secret)
    {
        var payload = PersonalValueCipher.Encrypt(masterKey, Encoding.UTF8.GetBytes(secret), Context(masterKeyId, recipientId));
        return SealedText.Format(SealedPrefix, masterKeyId, payload);
    }

    /// <summary>The secret; null when it fails authentication (another recipient, another key, or altered).</summary>
    public static string? TryOpen(ReadOnlySpan<byte> masterKey, string masterKeyId, string recipientId, byte[] payload)
    {
        var secret = PersonalValueCipher.TryDecrypt(masterKey, payload, Context(masterKeyId, recipientId));
        return secret is null ? null : Encoding.UTF8.GetString(secret);
    }

    /// <summary>The master key id of a sealed secret; null for a clear one or a malformed text.</summary>
    public static string? MasterKeyIdOf(string? stored) => TryParse(stored, out var masterKeyId, out _) ? masterKeyId : null;

    /// <summary>Splits a sealed secret into its master key id and payload; false when it is not well-formed.</summary>
    public static bool TryParse(string? stored, out string masterKeyId, out byte[] payload) =>
        SealedText.TryParse(stored, SealedPrefix, out masterKeyId, out payload);

    private static byte[] Context(string masterKeyId, string recipientId) =>
        Encoding.UTF8.GetBytes($"callloop/signing-secret/v1\n{masterKeyId}\n{recipientId}");
}
