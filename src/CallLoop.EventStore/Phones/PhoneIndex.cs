using System.Security.Cryptography;
using System.Text;
using CallLoop.Domain;
using Marten;
using Microsoft.Extensions.Options;

namespace CallLoop.EventStore.Phones;

/// <summary>
/// Keyed-hash index from phone number to subject. Its entries are written in the same transaction as the
/// events that add or remove a subject's phone (see <see cref="Changes"/>), so the index never disagrees with the stream.
/// </summary>
public sealed class PhoneIndex(IDocumentStore store, IOptions<PhoneIndexOptions> options)
{
    private readonly byte[] key = options.Value.Key.Length >= PhoneIndexOptions.MinimumKeyBytes
        ? options.Value.Key
        : throw new InvalidOperationException($"The phone index key must be at least {PhoneIndexOptions.MinimumKeyBytes} bytes.");

    /// <summary>The index id of a canonical phone number (see <see cref="PhoneNumber.Normalize"/>).</summary>
    public string Hash(string canonicalPhone) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonicalPhone)));

    /// <summary>The subject a phone number (any punctuation) belongs to, or null when unknown or unparsable.</summary>
    public async Task<string?> FindSubjectAsync(string phone, CancellationToken cancellationToken)
    {
        if (!PhoneNumber.TryNormalize(phone, out var canonical))
        {
            return null;
        }

        await using var session = store.QuerySession();
        var entry = await session.LoadAsync<PhoneIndexEntry>(Hash(canonical), cancellationToken);
        return entry?.SubjectId;
    }

    /// <summary>
    /// The index writes that take a subject from <paramref name="before"/> to <paramref name="after"/>,
    /// to run inside the append's session; null when the subject's phones did not change.
    /// </summary>
    public Action<IDocumentOperations>? Changes(string subjectId, SubjectState before, SubjectState after)
    {
        var previous = SubjectPhones.Known(before);
        var current = SubjectPhones.Known(after);
        var added = current.Except(previous).Select(Hash).ToArray();
        var removed = previous.Except(current).Select(Hash).ToArray();
        if (added.Length == 0 && removed.Length == 0)
        {
            return null;
        }

        return documents =>
        {
            foreach (var id in added)
            {
                documents.Store(new PhoneIndexEntry { Id = id, SubjectId = subjectId });
            }

            // Only this subject's claim goes: someone who registered the number since keeps it.
            foreach (var id in removed)
            {
                documents.DeleteWhere<PhoneIndexEntry>(e => e.Id == id && e.SubjectId == subjectId);
            }
        };
    }
}
