namespace CallLoop.EventStore.Phones;

/// <summary>
/// One holder of a phone number: <see cref="PhoneHash"/> is a keyed hash (HMAC-SHA256, hex) of the canonical number,
/// so the table alone never reveals a number. A number has one row per subject holding it (<see cref="Id"/> is
/// <c>{hash}:{subjectId}</c>), so registering a number someone else holds never takes it from them.
/// </summary>
/// <remarks>
/// Rows written before numbers could have several holders have <see cref="Id"/> = the hash and no
/// <see cref="PhoneHash"/>; lookups read both shapes, and the next change of that subject's phones rewrites its row.
/// </remarks>
public sealed class PhoneIndexEntry
{
    public string Id { get; set; } = string.Empty;

    public string? PhoneHash { get; set; }

    public string SubjectId { get; set; } = string.Empty;

    public static string IdFor(string phoneHash, string subjectId) => $"{phoneHash}:{subjectId}";
}
