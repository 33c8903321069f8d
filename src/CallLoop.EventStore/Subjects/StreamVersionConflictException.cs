namespace CallLoop.EventStore.Subjects;

/// <summary>Another writer appended to the subject's stream after it was read; nothing was appended.</summary>
public sealed class StreamVersionConflictException(string subjectId, long expectedVersion)
    : Exception($"The stream of subject '{subjectId}' moved past version {expectedVersion}; nothing was appended.")
{
    public string SubjectId { get; } = subjectId;

    public long ExpectedVersion { get; } = expectedVersion;
}
