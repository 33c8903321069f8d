using System.Diagnostics;

namespace CallLoop.EventStore.Appending;

/// <summary>
/// One command's append: its events go after <paramref name="ExpectedVersion"/> of the stream (0: the stream is new),
/// together with its documents, in the same transaction, or not at all.
/// </summary>
public sealed record StreamAppend(string StreamId, long ExpectedVersion, IReadOnlyList<object> Events)
{
    /// <summary>Headers stored on each of this append's events (e.g. the acting user).</summary>
    public IReadOnlyDictionary<string, object>? Headers { get; init; }

    /// <summary>Documents upserted in the same transaction as the events (e.g. an index entry or a snapshot).</summary>
    public IReadOnlyList<object>? Documents { get; init; }

    /// <summary>Further document writes and deletes in the same transaction (e.g. the phone index moving to a new number).</summary>
    public Action<Marten.IDocumentOperations>? DocumentChanges { get; init; }

    /// <summary>
    /// The trace the append was made in, stored as its events' <c>correlation_id</c>: the root of the caller's current
    /// activity when the append is created, as a Marten session opened there would stamp it.
    /// </summary>
    public string? CorrelationId { get; init; } = Activity.Current?.RootId;

    /// <summary>The caller's parent activity, stored as the events' <c>causation_id</c> (Marten's choice too).</summary>
    public string? CausationId { get; init; } = Activity.Current?.ParentId;

    public bool HasDocumentWork => Documents is { Count: > 0 } || DocumentChanges is not null;
}
