using CallLoop.Domain;
using CallLoop.EventStore.Protection;

namespace CallLoop.EventStore.Subjects;

/// <summary>
/// The port through which grains read and write a data subject's stream, in domain types only; Marten stays behind it
/// (<see cref="SubjectStreams"/>).
/// </summary>
public interface ISubjectStreams
{
    /// <summary>The subject's current state: its latest snapshot plus the events after it, values still sealed.</summary>
    Task<SubjectState> LoadStateAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>The subject's current state with its personal values opened by <paramref name="protector"/>.</summary>
    Task<SubjectState> LoadStateAsync(string subjectId, IPersonalValueProtector protector, CancellationToken cancellationToken);

    /// <summary>Every event of the stream with its version and when it was recorded.</summary>
    Task<IReadOnlyList<RecordedSubjectEvent>> HistoryAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>
    /// Commits <paramref name="append"/> (events and side writes in one transaction) and returns once committed.
    /// Throws <see cref="StreamVersionConflictException"/> when another writer got there first; nothing is written then.
    /// </summary>
    Task AppendAsync(SubjectAppend append, CancellationToken cancellationToken);
}
