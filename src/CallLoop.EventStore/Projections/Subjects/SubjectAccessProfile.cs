using CallLoop.Domain;

namespace CallLoop.EventStore.Projections.Subjects;

/// <summary>
/// What Call Loop holds about one subject: the folded state (values, consents, opt-outs, disclosures, requests)
/// plus every collection with its date, so an access report can be cut to any window.
/// Kept inline with each append, so it is never stale after a command.
/// </summary>
public sealed class SubjectAccessProfile
{
    public string Id { get; set; } = string.Empty;

    public SubjectState State { get; set; } = SubjectState.Initial;

    /// <summary>Every collection, oldest first; field names only, never values (they stay in <see cref="State"/> until erased).</summary>
    public List<CollectionEntry> Collections { get; set; } = [];
}
