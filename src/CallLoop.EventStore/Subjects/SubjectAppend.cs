using CallLoop.Domain;
using CallLoop.EventStore.Phones;

namespace CallLoop.EventStore.Subjects;

/// <summary>
/// One command's write to a subject's stream: its events after <paramref name="ExpectedVersion"/> (0: a new stream),
/// recorded as made by <paramref name="Actor"/>, and the rows that must commit or fail with them.
/// </summary>
public sealed record SubjectAppend(string SubjectId, long ExpectedVersion, IReadOnlyList<SubjectEvent> Events, string? Actor)
{
    /// <summary>The phone index entries these events add and remove (<see cref="PhoneIndex.Changes"/>).</summary>
    public PhoneIndexChange? PhoneIndex { get; init; }

    /// <summary>The subject's snapshot goes: it may hold values sealed with keys these events record as destroyed.</summary>
    public bool RemovesSnapshot { get; init; }
}
