using CallLoop.EventStore.Protection;

namespace CallLoop.Grains.Keys;

/// <summary>
/// Seals processors' signing secrets under the current master key and opens them under whichever configured master
/// key sealed them (see <see cref="SigningSecretCipher"/>). A secret stored in clear before sealing existed opens as
/// it is, and is sealed by the next <see cref="Reseal"/>. Errors name the processor and the master key, never the secret.
/// </summary>
public sealed class SigningSecretSealer(MasterKeyRing masterKeys)
{
    public string Seal(string recipientId, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(recipientId);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return SigningSecretCipher.Seal(masterKeys.Current, masterKeys.CurrentId, recipientId, secret);
    }

    /// <summary>The clear secret of <paramref name="recipientId"/> from its stored form.</summary>
    /// <exception cref="InvalidOperationException">Sealed under a master key that is not configured, for another processor, or altered.</exception>
    public string Open(string recipientId, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!SigningSecretCipher.IsSealed(stored))
        {
            return stored;
        }

        if (!SigningSecretCipher.TryParse(stored, out var masterKeyId, out var payload))
        {
            throw new InvalidOperationException($"The signing secret of processor '{recipientId}' is not a well-formed sealed secret.");
        }

        if (!masterKeys.TryGet(masterKeyId, out var masterKey))
        {
            throw new InvalidOperationException($"The signing secret of processor '{recipientId}' is sealed under master key '{masterKeyId}', which is not configured.");
        }

        return SigningSecretCipher.TryOpen(masterKey, masterKeyId, recipientId, payload)
            ?? throw new InvalidOperationException($"The signing secret of processor '{recipientId}' does not open with master key '{masterKeyId}'.");
    }

    /// <summary>True when <paramref name="stored"/> is sealed under the current master key (nothing for a rewrap to do).</summary>
    public bool IsCurrent(string stored) =>
        string.Equals(SigningSecretCipher.MasterKeyIdOf(stored), masterKeys.CurrentId, StringComparison.Ordinal);

    /// <summary><paramref name="stored"/> itself when current, else the secret sealed anew under the current master key.</summary>
    public string Reseal(string recipientId, string stored) =>
        IsCurrent(stored) ? stored : Seal(recipientId, Open(recipientId, stored));
}
