using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CallLoop.Domain;

/// <summary>
/// What an idempotency key is bound to: the command's type, its payload (the key itself left out) and the caller. A
/// retry has the same fingerprint and appends nothing; another command under a used key has a different one and is
/// refused (<see cref="IdempotencyKeyReusedException"/>).
/// <para>
/// Written form <c>v1:&lt;keyId&gt;:&lt;binding&gt;:&lt;mac&gt;</c>: <c>binding</c> is a hash of the command type and
/// caller only (no payload); <c>mac</c> is an HMAC of <see cref="Canonical"/> under a key derived from the subject's
/// data key <c>keyId</c>, the key its free text is sealed with (<see cref="FreeText.Category"/>). A payload's free text
/// (a reason, an explanation) therefore cannot be guessed from the stored fingerprint by hashing candidates, and once
/// erasure destroys that key nobody can check a guess at all; a retry after erasure is still told from another command
/// type or caller by <c>binding</c>.
/// </para>
/// <para>
/// Events recorded before fingerprints were keyed carry a plain SHA-256 (<see cref="MatchesUnkeyed"/>): compared, so a
/// retry across the upgrade is still recognised, and never written.
/// </para>
/// </summary>
public static class IdempotencyFingerprint
{
    /// <summary>Prefix of the keyed form; anything else is the unkeyed form written before it.</summary>
    public const string KeyedPrefix = "v1:";

    /// <summary>Bytes of the MAC kept (128 bits; the binding keeps as many of its hash).</summary>
    private const int KeptBytes = 16;

    /// <summary>
    /// Camel case and enum names as stored; members at their default left out, so a member added later with its default
    /// changes nothing; computed members (no setter) left out, since they say nothing the others do not. It never throws
    /// on input validation has yet to refuse (an undefined enum value, a missing member whose computed neighbour would
    /// throw): the fingerprint is computed before the decider validates.
    /// </summary>
    private static readonly JsonSerializerOptions CanonicalJson = CreateCanonicalJson();

    /// <summary>The text the MAC is computed over: command type, caller and payload without the idempotency key.</summary>
    public static string Canonical(SubjectCommand command, string? caller)
    {
        ArgumentNullException.ThrowIfNull(command);
        var payload = JsonSerializer.Serialize<object>(command with { IdempotencyKey = null }, CanonicalJson);
        return $"{command.GetType().FullName}\n{caller}\n{payload}";
    }

    /// <summary>The keyed fingerprint of <paramref name="command"/> by <paramref name="caller"/> under <paramref name="macKey"/>, the key derived from data key <paramref name="keyId"/>.</summary>
    public static string Of(SubjectCommand command, string? caller, string keyId, ReadOnlySpan<byte> macKey)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        if (keyId.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A key id has no colon.", nameof(keyId));
        }

        var mac = HMACSHA256.HashData(macKey, Encoding.UTF8.GetBytes(Canonical(command, caller)));
        return $"{KeyedPrefix}{keyId}:{Binding(command, caller)}:{Convert.ToHexStringLower(mac.AsSpan(0, KeptBytes))}";
    }

    /// <summary>Whether <paramref name="fingerprint"/> is the keyed form.</summary>
    public static bool IsKeyed(string? fingerprint) => fingerprint is not null && fingerprint.StartsWith(KeyedPrefix, StringComparison.Ordinal);

    /// <summary>The data key a keyed fingerprint was computed under; null for the unkeyed form.</summary>
    public static string? KeyIdOf(string? fingerprint) => Parts(fingerprint) is { } parts ? parts[0] : null;

    /// <summary>
    /// Whether a keyed fingerprint binds the same command type and caller: all that can still be checked once the
    /// key it was computed under is destroyed.
    /// </summary>
    public static bool BindsSameCommandAndCaller(string fingerprint, SubjectCommand command, string? caller) =>
        Parts(fingerprint) is { } parts && string.Equals(parts[1], Binding(command, caller), StringComparison.Ordinal);

    /// <summary>
    /// Whether <paramref name="bound"/>, an unkeyed fingerprint (plain SHA-256, written before fingerprints were
    /// keyed), is the one <paramref name="command"/> by <paramref name="caller"/> had. Three commands have since lost a
    /// member the grain used to fill from configuration; their old form is tried with it put back, so a retry across
    /// that upgrade is recognised too.
    /// </summary>
    public static bool MatchesUnkeyed(string bound, SubjectCommand command, string? caller, SubjectPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(bound);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(policy);
        var unkeyedCommand = command with { IdempotencyKey = null };
        if (string.Equals(bound, Unkeyed(command, caller, JsonSerializer.Serialize<object>(unkeyedCommand, DomainJson.Options)), StringComparison.Ordinal))
        {
            return true;
        }

        var payload = JsonSerializer.SerializeToNode<object>(unkeyedCommand, DomainJson.Options)!.AsObject();
        IEnumerable<JsonObject> retiredForms = command switch
        {
            CompleteRequest => [WithRetired(payload, "awaitProcessorAcknowledgements", false), WithRetired(payload, "awaitProcessorAcknowledgements", true)],
            DecideAppeal => [WithRetired(payload, "reopenedDueDays", policy.ReopenedDueDays), WithRetired(payload, "reopenedDueDays", SubjectPolicy.DefaultReopenedDueDays)],
            ReceiveRightsRequest => [WithRetired(payload, "businessTimeZone", policy.BusinessTimeZone), WithRetired(payload, "businessTimeZone", RightsRequestDeadline.DefaultBusinessTimeZone)],
            _ => [],
        };
        return retiredForms.Any(form => string.Equals(bound, Unkeyed(command, caller, form.ToJsonString(DomainJson.Options)), StringComparison.Ordinal));
    }

    private static string Unkeyed(SubjectCommand command, string? caller, string payload)
    {
        var text = $"{command.GetType().FullName}\n{caller}\n{payload}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The payload as it was with a retired member: the command's own members, that member last among them, then the base members (subject id, key).</summary>
    private static JsonObject WithRetired(JsonObject payload, string member, JsonNode value)
    {
        var form = new JsonObject();
        foreach (var (name, node) in payload)
        {
            if (name == "subjectId")
            {
                form[member] = value;
            }

            form[name] = node?.DeepClone();
        }

        return form;
    }

    private static string Binding(SubjectCommand command, string? caller) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{command.GetType().FullName}\n{caller}")).AsSpan(0, KeptBytes));

    /// <summary><c>[keyId, binding, mac]</c> of a keyed fingerprint; null for anything else.</summary>
    private static string[]? Parts(string? fingerprint)
    {
        if (!IsKeyed(fingerprint))
        {
            return null;
        }

        var parts = fingerprint![KeyedPrefix.Length..].Split(':');
        return parts.Length == 3 ? parts : null;
    }

    private static void LeaveOutComputedMembers(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var member in type.Properties.Where(p => p.Set is null).ToList())
        {
            type.Properties.Remove(member);
        }
    }

    private static JsonSerializerOptions CreateCanonicalJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutComputedMembers } },
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: true));
        options.MakeReadOnly();
        return options;
    }
}
