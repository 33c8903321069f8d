using System.Security.Cryptography;
using System.Text;
using CallLoop.Domain;
using Marten;
using Microsoft.Extensions.Options;

namespace CallLoop.EventStore.Phones;

/// <summary>
/// Keyed-hash index from phone number to every subject holding it, and the number-level suppressions a STOP
/// leaves. Index entries are written in the same transaction as the events that add or remove a subject's phone
/// (see <see cref="Changes"/>), so the index never disagrees with the stream.
/// </summary>
public sealed class PhoneIndex(IDocumentStore store, IOptions<PhoneIndexOptions> options)
{
    private readonly byte[] key = options.Value.Key.Length >= PhoneIndexOptions.MinimumKeyBytes
        ? options.Value.Key
        : throw new InvalidOperationException($"The phone index key must be at least {PhoneIndexOptions.MinimumKeyBytes} bytes.");

    /// <summary>The index id of a canonical phone number (see <see cref="PhoneNumber.Normalize"/>).</summary>
    public string Hash(string canonicalPhone) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonicalPhone)));

    /// <summary>Every subject holding a phone number (any punctuation), oldest id first; empty when unknown or unparsable.</summary>
    public async Task<IReadOnlyList<string>> FindSubjectsAsync(string phone, CancellationToken cancellationToken)
    {
        if (!PhoneNumber.TryNormalize(phone, out var canonical))
        {
            return [];
        }

        var hash = Hash(canonical);
        await using var session = store.QuerySession();
        var holders = await session.Query<PhoneIndexEntry>()
            .Where(e => e.PhoneHash == hash || e.Id == hash)
            .Select(e => e.SubjectId)
            .ToListAsync(cancellationToken);
        return holders.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>One subject holding the number, or null (kept for callers that need only one).</summary>
    public async Task<string?> FindSubjectAsync(string phone, CancellationToken cancellationToken) =>
        (await FindSubjectsAsync(phone, cancellationToken)).FirstOrDefault();

    /// <summary>The number's suppression (in force or lifted), or null when it never texted a revocation.</summary>
    public async Task<NumberSuppression?> FindSuppressionAsync(string canonicalPhone, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var entry = await session.LoadAsync<NumberSuppressionEntry>(Hash(canonicalPhone), cancellationToken);
        return entry?.ToSuppression();
    }

    public async Task SaveSuppressionAsync(string canonicalPhone, NumberSuppression suppression, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(NumberSuppressionEntry.From(Hash(canonicalPhone), suppression));
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The index entries that take a subject from <paramref name="before"/> to <paramref name="after"/>, written in the
    /// append's transaction (<see cref="Subjects.SubjectAppend.PhoneIndex"/>); null when the subject's phones did not change.
    /// </summary>
    public PhoneIndexChange? Changes(string subjectId, SubjectState before, SubjectState after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        // The phones come from the contact phone and the held categories only: most events change neither.
        if (string.Equals(before.Phone, after.Phone, StringComparison.Ordinal) && ReferenceEquals(before.Categories, after.Categories))
        {
            return null;
        }

        var previous = SubjectPhones.Known(before);
        var current = SubjectPhones.Known(after);
        var added = current.Except(previous).Select(Hash).ToArray();
        var removed = previous.Except(current).Select(Hash).ToArray();
        return added.Length == 0 && removed.Length == 0 ? null : new PhoneIndexChange(subjectId, added, removed);
    }
}
