using System.Security.Cryptography;
using System.Text;
using CallLoop.Domain;

namespace CallLoop.EventStore.Protection;

/// <summary>
/// AES-256-GCM for one personal value: a random 96-bit nonce per value, and associated data binding the subject,
/// the category and the key id, so that a value opens only for the subject and category it was sealed for.
/// Also wraps data keys under a master key, bound to the subject, key id and master key id.
/// </summary>
public static class PersonalValueCipher
{
    public const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public static string Seal(ReadOnlySpan<byte> dataKey, string subjectId, PersonalInformationCategory category, string keyId, string plaintext)
    {
        var associated = ValueContext(subjectId, category, keyId);
        return SealedText.Format(keyId, Encrypt(dataKey, Encoding.UTF8.GetBytes(plaintext), associated));
    }

    /// <summary>Opens a value sealed by <see cref="Seal"/>; null when it fails authentication (wrong subject, category, key or tampered).</summary>
    public static string? TryOpen(ReadOnlySpan<byte> dataKey, string subjectId, PersonalInformationCategory category, string keyId, byte[] payload)
    {
        var plaintext = TryDecrypt(dataKey, payload, ValueContext(subjectId, category, keyId));
        return plaintext is null ? null : Encoding.UTF8.GetString(plaintext);
    }

    public static byte[] Wrap(ReadOnlySpan<byte> masterKey, string masterKeyId, string subjectId, string keyId, ReadOnlySpan<byte> dataKey) =>
        Encrypt(masterKey, dataKey, WrapContext(masterKeyId, subjectId, keyId));

    public static byte[]? TryUnwrap(ReadOnlySpan<byte> masterKey, string masterKeyId, string subjectId, string keyId, byte[] wrapped) =>
        TryDecrypt(masterKey, wrapped, WrapContext(masterKeyId, subjectId, keyId));

    private static byte[] ValueContext(string subjectId, PersonalInformationCategory category, string keyId) =>
        Encoding.UTF8.GetBytes($"callloop/pii/v1\n{subjectId}\n{EnumText.ToText(category)}\n{keyId}");

    private static byte[] WrapContext(string masterKeyId, string subjectId, string keyId) =>
        Encoding.UTF8.GetBytes($"callloop/data-key/v1\n{masterKeyId}\n{subjectId}\n{keyId}");

    /// <summary>AES-256-GCM with a fresh random nonce: nonce | ciphertext | tag.</summary>
    internal static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associated)
    {
        var output = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceBytes, plaintext.Length), output.AsSpan(NonceBytes + plaintext.Length), associated);
        return output;
    }

    /// <summary>Opens what <see cref="Encrypt"/> produced; null when it fails authentication.</summary>
    internal static byte[]? TryDecrypt(ReadOnlySpan<byte> key, byte[] payload, ReadOnlySpan<byte> associated)
    {
        if (payload.Length < NonceBytes + TagBytes)
        {
            return null;
        }

        var length = payload.Length - NonceBytes - TagBytes;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagBytes);
        try
        {
            aes.Decrypt(payload.AsSpan(0, NonceBytes), payload.AsSpan(NonceBytes, length), payload.AsSpan(NonceBytes + length), plaintext, associated);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
