using CallLoop.Contracts.Keys;
using CallLoop.Domain;
using CallLoop.EventStore.Protection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CallLoop.Grains.Keys;

/// <summary>
/// One subject's data keys, one live key per category, in their own grain storage (<see cref="StorageName"/>).
/// Keys are unwrapped in memory only while the grain is active; destroying a key removes its wrapped bytes from
/// storage, which makes every value sealed with it unreadable (crypto-shredding). On activation, keys wrapped by an
/// older master key are re-wrapped under the current one (lazy rotation). A key whose master key is no longer configured
/// is left as it is and reported: its values read as absent, and it can still be destroyed.
/// </summary>
public sealed class SubjectKeyGrain(
    [PersistentState("keys", SubjectKeyGrain.StorageName)] IPersistentState<SubjectKeyRing> ring,
    MasterKeyRing masterKeys,
    TimeProvider clock,
    ILogger<SubjectKeyGrain> logger) : Grain, ISubjectKeyGrain
{
    /// <summary>The grain storage provider name; its tables live in their own PostgreSQL schema.</summary>
    public const string StorageName = "subject-keys";

    private readonly Dictionary<string, byte[]> unwrapped = new(StringComparer.Ordinal);

    private bool stale;

    private string SubjectId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Rewrap().Rewrapped > 0)
        {
            await ring.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<string>> SealAsync(IReadOnlyList<PersonalValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        await EnsureFreshAsync();
        var created = false;
        var sealedTexts = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            // A live key whose master key is gone cannot seal: the category starts a new generation.
            var key = LiveKey(value.Category) is { } live && TryUnwrap(live) is not null ? live : Create(value.Category, ref created);
            sealedTexts[i] = PersonalValueCipher.Seal(Unwrap(key), SubjectId, value.Category, key.KeyId, value.Value);
        }

        if (created)
        {
            // A value must never be committed under a key that was not durably stored first.
            await WriteOrForgetAsync();
        }

        return sealedTexts;
    }

    public async Task<IReadOnlyList<string?>> OpenAsync(IReadOnlyList<PersonalValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        await EnsureFreshAsync();
        var opened = new string?[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            opened[i] = Open(values[i]);
        }

        return opened;
    }

    public async Task<string?> FingerprintAsync(SubjectCommand command, string? caller, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(command);
        await EnsureFreshAsync();
        StoredDataKey? key;
        if (keyId is null)
        {
            var created = false;
            key = LiveKey(FreeText.Category) is { } live && TryUnwrap(live) is not null ? live : Create(FreeText.Category, ref created);
            if (created)
            {
                // A fingerprint must never be committed under a key that was not durably stored first.
                await WriteOrForgetAsync();
            }
        }
        else
        {
            key = ring.State.Keys.Find(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal) && k.DestroyedAt is null);
        }

        if (key is null || TryUnwrap(key) is not { } bytes)
        {
            return null;
        }

        // Its own key, derived for this use only: the data key itself only ever encrypts.
        var macKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, bytes, 32, salt: [], info: Encoding.UTF8.GetBytes($"callloop/idempotency-fingerprint/v1/{SubjectId}"));
        try
        {
            return IdempotencyFingerprint.Of(command, caller, key.KeyId, macKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(macKey);
        }
    }

    public async Task<IReadOnlyList<string>> DestroyAsync(IReadOnlyList<PersonalInformationCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        await EnsureFreshAsync();
        var erasing = categories.ToHashSet();
        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var key in ring.State.Keys.Where(k => erasing.Contains(k.Category) && k.DestroyedAt is null))
        {
            key.DestroyedAt = now;
            key.WrappedKey = null;
            key.MasterKeyId = null;
            if (unwrapped.Remove(key.KeyId, out var bytes))
            {
                CryptographicOperations.ZeroMemory(bytes);
            }

            changed = true;
        }

        if (changed)
        {
            await WriteOrForgetAsync();
        }

        return ring.State.Keys.Where(k => erasing.Contains(k.Category) && k.DestroyedAt is not null).Select(k => k.KeyId).ToArray();
    }

    public async Task<SubjectKeyRewrap> RewrapAsync()
    {
        await EnsureFreshAsync();
        var result = Rewrap();
        if (result.Rewrapped > 0)
        {
            await WriteOrForgetAsync();
        }

        return result;
    }

    public async Task<IReadOnlyList<SubjectKeyInfo>> DescribeAsync()
    {
        await EnsureFreshAsync();
        return ring.State.Keys
            .Select(k => new SubjectKeyInfo(k.KeyId, k.Category, k.MasterKeyId, k.CreatedAt, k.DestroyedAt))
            .ToArray();
    }

    /// <summary>
    /// Writes the ring; if that fails, the in-memory ring is no longer what storage holds (a key created but not
    /// stored, or destroyed here but not there), so it is dropped and the next call reloads from storage.
    /// </summary>
    private async Task WriteOrForgetAsync()
    {
        try
        {
            await ring.WriteStateAsync();
        }
        catch (Exception)
        {
            foreach (var bytes in unwrapped.Values)
            {
                CryptographicOperations.ZeroMemory(bytes);
            }

            unwrapped.Clear();
            stale = true;
            this.DeactivateOnIdle();
            throw;
        }
    }

    private async Task EnsureFreshAsync()
    {
        if (stale)
        {
            await ring.ReadStateAsync();
            stale = false;
        }
    }

    private string? Open(PersonalValue value)
    {
        if (SealedText.IsErased(value.Value))
        {
            return null;
        }

        if (!SealedText.IsSealed(value.Value))
        {
            // Written before values were sealed: nothing to open.
            return value.Value;
        }

        if (!SealedText.TryParse(value.Value, out var keyId, out var payload))
        {
            throw new PersonalValueUnreadableException(SubjectId, SealedText.KeyIdOf(value.Value) ?? string.Empty);
        }

        var key = ring.State.Keys.Find(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal))
            ?? throw new PersonalValueUnreadableException(SubjectId, keyId);
        if (key.DestroyedAt is not null)
        {
            return null;
        }

        if (TryUnwrap(key) is not { } bytes)
        {
            return null;
        }

        return PersonalValueCipher.TryOpen(bytes, SubjectId, value.Category, keyId, payload)
            ?? throw new PersonalValueUnreadableException(SubjectId, keyId);
    }

    private StoredDataKey? LiveKey(PersonalInformationCategory category) =>
        ring.State.Keys.Where(k => k.Category == category && k.DestroyedAt is null).MaxBy(k => k.Generation);

    private StoredDataKey Create(PersonalInformationCategory category, ref bool created)
    {
        var generation = ring.State.Keys.Where(k => k.Category == category).Select(k => k.Generation).DefaultIfEmpty(0).Max() + 1;
        var keyId = $"{EnumText.ToText(category)}{generation}";
        var bytes = RandomNumberGenerator.GetBytes(PersonalValueCipher.KeyBytes);
        var key = new StoredDataKey
        {
            KeyId = keyId,
            Category = category,
            Generation = generation,
            MasterKeyId = masterKeys.CurrentId,
            WrappedKey = PersonalValueCipher.Wrap(masterKeys.Current, masterKeys.CurrentId, SubjectId, keyId, bytes),
            CreatedAt = clock.GetUtcNow(),
        };
        ring.State.Keys.Add(key);
        unwrapped[keyId] = bytes;
        created = true;
        return key;
    }

    private byte[] Unwrap(StoredDataKey key) =>
        TryUnwrap(key) ?? throw new InvalidOperationException($"Data key '{key.KeyId}' of subject '{SubjectId}' is wrapped by master key '{key.MasterKeyId}', which is not configured or does not unwrap it.");

    /// <summary>The key's bytes, or null when its master key is not configured (or does not unwrap it).</summary>
    private byte[]? TryUnwrap(StoredDataKey key)
    {
        if (unwrapped.TryGetValue(key.KeyId, out var bytes))
        {
            return bytes;
        }

        if (key.MasterKeyId is null || key.WrappedKey is null || !masterKeys.TryGet(key.MasterKeyId, out var master)
            || PersonalValueCipher.TryUnwrap(master, key.MasterKeyId, SubjectId, key.KeyId, key.WrappedKey) is not { } opened)
        {
            return null;
        }

        unwrapped[key.KeyId] = opened;
        return opened;
    }

    private SubjectKeyRewrap Rewrap()
    {
        var (rewrapped, unavailable) = (0, new List<StoredDataKey>());
        foreach (var key in ring.State.Keys.Where(k => k.DestroyedAt is null && k.MasterKeyId != masterKeys.CurrentId))
        {
            if (TryUnwrap(key) is not { } bytes)
            {
                unavailable.Add(key);
                continue;
            }

            key.WrappedKey = PersonalValueCipher.Wrap(masterKeys.Current, masterKeys.CurrentId, SubjectId, key.KeyId, bytes);
            key.MasterKeyId = masterKeys.CurrentId;
            rewrapped++;
        }

        if (unavailable.Count > 0)
        {
            logger.LogWarning(
                "{Count} data key(s) of subject {SubjectId} are wrapped by master key(s) {MasterKeyIds} that are not configured; they stay as they are and their values read as absent until the master key is configured again",
                unavailable.Count,
                SubjectId,
                string.Join(",", unavailable.Select(k => k.MasterKeyId).Distinct()));
        }

        return new SubjectKeyRewrap(rewrapped, unavailable.Count);
    }
}
