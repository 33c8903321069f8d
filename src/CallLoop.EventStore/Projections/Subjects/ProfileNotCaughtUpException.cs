namespace CallLoop.EventStore.Projections.Subjects;

/// <summary>
/// The async access-profile projection had not reached the subject's latest committed event within the wait:
/// answering now would omit acknowledged commands, so the read is refused (HTTP 503 with Retry-After).
/// Carries the subject id and versions only.
/// </summary>
public sealed class ProfileNotCaughtUpException(string subjectId, long projectedVersion, long streamVersion)
    : Exception($"The access profile of subject '{subjectId}' is at version {projectedVersion}, the stream at {streamVersion}.")
{
    public string SubjectId { get; } = subjectId;

    public long ProjectedVersion { get; } = projectedVersion;

    public long StreamVersion { get; } = streamVersion;
}
