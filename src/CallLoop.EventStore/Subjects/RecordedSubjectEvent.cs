namespace CallLoop.EventStore.Subjects;

/// <summary>
/// One committed event of a subject's stream, with its position and who made it (<paramref name="Actor"/>, the
/// caller's name stored in the event's headers; null for what the system did by itself, such as a reminder).
/// </summary>
public sealed record RecordedSubjectEvent(long Version, long Sequence, string Type, DateTimeOffset RecordedAt, object Data, string? Actor = null);
