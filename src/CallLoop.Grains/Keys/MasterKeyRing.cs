using System.Text.RegularExpressions;
using CallLoop.EventStore.Protection;
using Microsoft.Extensions.Options;

namespace CallLoop.Grains.Keys;

/// <summary>The configured master keys, decoded once. Errors name settings and ids, never key material.</summary>
public sealed partial class MasterKeyRing
{
    private readonly Dictionary<string, byte[]> keys;

    public MasterKeyRing(IOptions<EncryptionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var problem = Problem(settings);
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }

        keys = settings.MasterKeys.ToDictionary(k => k.Key, k => Decode(k.Value)!, StringComparer.Ordinal);
        CurrentId = settings.CurrentMasterKeyId!;
    }

    public string CurrentId { get; }

    public ReadOnlySpan<byte> Current => keys[CurrentId];

    public bool TryGet(string id, out byte[] key) => keys.TryGetValue(id, out key!);

    /// <summary>Why <paramref name="settings"/> cannot be used, or null when they can.</summary>
    public static string? Problem(EncryptionOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MasterKeys.Count == 0)
        {
            return $"{EncryptionOptions.SectionName}:MasterKeys must name at least one master key.";
        }

        foreach (var (id, value) in settings.MasterKeys)
        {
            if (!KeyIdPattern().IsMatch(id))
            {
                return $"{EncryptionOptions.SectionName}:MasterKeys has an id that is not 1-32 of A-Z a-z 0-9 . _ -.";
            }

            if (Decode(value) is null)
            {
                return $"{EncryptionOptions.SectionName}:MasterKeys:{id} must be a base64 key of exactly {PersonalValueCipher.KeyBytes} bytes.";
            }
        }

        return settings.CurrentMasterKeyId is { } current && settings.MasterKeys.ContainsKey(current)
            ? null
            : $"{EncryptionOptions.SectionName}:CurrentMasterKeyId must name one of the configured master keys.";
    }

    private static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written == PersonalValueCipher.KeyBytes ? buffer[..written] : null;
    }

    [GeneratedRegex(@"\A[A-Za-z0-9._-]{1,32}\z")]
    private static partial Regex KeyIdPattern();
}
