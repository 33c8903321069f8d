using System.Collections.Concurrent;

namespace CallLoop.Contracts.Publication;

/// <summary>
/// Makes an at-least-once subscriber effectively exactly-once: per subject it remembers the highest sequence
/// handled and refuses anything at or below it (a redelivery after a publisher failover replays from the last
/// checkpoint). It also reports when an envelope skips stream versions, which with the in-memory stream
/// provider means an event was lost in flight and must be read back from the subject's history.
/// Keep one instance per consumer; persist <see cref="LastSequence"/> with the consumer's own state to survive restarts.
/// </summary>
public sealed class SubjectEventDeduplicator
{
    private readonly ConcurrentDictionary<string, (long Sequence, long Version)> seen = new(StringComparer.Ordinal);

    public long LastSequence(string subjectId) => seen.TryGetValue(subjectId, out var last) ? last.Sequence : 0;

    public long LastVersion(string subjectId) => seen.TryGetValue(subjectId, out var last) ? last.Version : 0;

    /// <summary>Seeds the position from a consumer's persisted state.</summary>
    public void Restore(string subjectId, long sequence, long version) => seen[subjectId] = (sequence, version);

    /// <summary>Decides what to do with an envelope and, unless it is a duplicate, records it as handled.</summary>
    public EnvelopeVerdict Accept(SubjectEventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var verdict = EnvelopeVerdict.New;
        seen.AddOrUpdate(
            envelope.SubjectId,
            _ =>
            {
                verdict = envelope.Version == 1 ? EnvelopeVerdict.New : EnvelopeVerdict.NewAfterGap;
                return (envelope.Sequence, envelope.Version);
            },
            (_, last) =>
            {
                if (envelope.Sequence <= last.Sequence)
                {
                    verdict = EnvelopeVerdict.Duplicate;
                    return last;
                }

                verdict = envelope.Version == last.Version + 1 ? EnvelopeVerdict.New : EnvelopeVerdict.NewAfterGap;
                return (envelope.Sequence, envelope.Version);
            });
        return verdict;
    }
}
