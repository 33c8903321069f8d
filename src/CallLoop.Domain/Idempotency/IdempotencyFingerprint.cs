using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CallLoop.Domain;

/// <summary>
/// What an idempotency key is bound to: the command's type, a hash of its payload (the key itself left out) and the
/// caller. A retry has the same fingerprint and appends nothing; another command under a used key has a different
/// one and is refused (<see cref="IdempotencyKeyReusedException"/>). Only the hash is stored, never the payload.
/// </summary>
public static class IdempotencyFingerprint
{
    public static string Of(SubjectCommand command, string? caller)
    {
        ArgumentNullException.ThrowIfNull(command);
        var payload = JsonSerializer.Serialize<object>(command with { IdempotencyKey = null }, DomainJson.Options);
        var text = $"{command.GetType().FullName}\n{caller}\n{payload}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
