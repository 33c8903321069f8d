using CallLoop.Domain;

namespace CallLoop.EventStore.Publication;

/// <summary>A subject event as read back from Marten's log after commit, with its global and stream positions.</summary>
public sealed record CommittedSubjectEvent(string SubjectId, long Sequence, long Version, string Type, DateTimeOffset RecordedAt, SubjectEvent Event);
