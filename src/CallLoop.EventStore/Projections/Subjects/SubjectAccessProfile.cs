using CallLoop.Domain;

namespace CallLoop.EventStore.Projections.Subjects;

/// <summary>
/// What Call Loop holds about one subject: the folded state (values, consents, opt-outs, disclosures, requests)
/// plus every collection with its date, so an access report can be cut to any window.
/// Kept by the async daemon; <see cref="SubjectProfileReads"/> waits for the stream version a read must see.
/// </summary>
public sealed class SubjectAccessProfile
{
    public string Id { get; set; } = string.Empty;

    public SubjectState State { get; set; } = SubjectState.Initial;

    /// <summary>
    /// The birth date as stored in the events, sealed (the state's birth date is a date and cannot hold sealed text,
    /// so the fold leaves it empty); null once its category is erased.
    /// </summary>
    public string? SealedBirthDate { get; set; }

    /// <summary>Every collection, oldest first; field names only, never values (they stay in <see cref="State"/> until erased).</summary>
    public List<CollectionEntry> Collections { get; set; } = [];
}
