namespace CallLoop.EventStore.Subjects;

/// <summary>One committed event of a subject's stream, with its position.</summary>
public sealed record RecordedSubjectEvent(long Version, long Sequence, string Type, DateTimeOffset RecordedAt, object Data);
