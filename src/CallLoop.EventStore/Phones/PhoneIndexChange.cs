using Marten;

namespace CallLoop.EventStore.Phones;

/// <summary>The index entries (keyed hashes of phone numbers) a subject gains and loses with an append.</summary>
public sealed record PhoneIndexChange(string SubjectId, IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    internal void ApplyTo(IDocumentOperations documents)
    {
        foreach (var hash in Added)
        {
            documents.Store(new PhoneIndexEntry { Id = PhoneIndexEntry.IdFor(hash, SubjectId), PhoneHash = hash, SubjectId = SubjectId });
        }

        // Only this subject's rows go (either shape): everyone else holding the number keeps it.
        foreach (var hash in Removed)
        {
            documents.DeleteWhere<PhoneIndexEntry>(e => (e.PhoneHash == hash || e.Id == hash) && e.SubjectId == SubjectId);
        }
    }
}
