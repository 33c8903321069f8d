using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CallLoop.Grains.Keys;

namespace CallLoop.Silo.GrainAccess;

/// <summary>
/// Marks a call as made inside the cluster: an HMAC over the target grain, interface and method, keyed from the
/// master keys every silo holds (<c>keyid.base64</c>). A client knows no master key, so it cannot mark a call, whatever
/// sender it claims in the message. A new master key must reach every silo before it becomes current.
/// </summary>
public sealed class InternalCallStamp(MasterKeyRing masterKeys)
{
    public const string RequestContextKey = "callloop.internal-call";

    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("CallLoop internal grain call");

    private readonly ConcurrentDictionary<string, byte[]> derived = new(StringComparer.Ordinal);

    public string Stamp(IGrainCallContext call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var id = masterKeys.CurrentId;
        return $"{id}.{Convert.ToBase64String(Mac(Key(id)!, call))}";
    }

    public bool IsValid(IGrainCallContext call, object? stamp)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (stamp is not string text)
        {
            return false;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || Key(text[..dot]) is not { } key)
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes];
        return Convert.TryFromBase64String(text[(dot + 1)..], presented, out var written)
            && written == presented.Length
            && CryptographicOperations.FixedTimeEquals(presented, Mac(key, call));
    }

    private byte[]? Key(string id)
    {
        if (derived.TryGetValue(id, out var key))
        {
            return key;
        }

        if (!masterKeys.TryGet(id, out var master))
        {
            return null;
        }

        return derived.GetOrAdd(id, HKDF.DeriveKey(HashAlgorithmName.SHA256, master, HMACSHA256.HashSizeInBytes, salt: [], info: Purpose));
    }

    private static byte[] Mac(byte[] key, IGrainCallContext call) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{call.TargetId}|{call.InterfaceName}|{call.MethodName}"));
}
