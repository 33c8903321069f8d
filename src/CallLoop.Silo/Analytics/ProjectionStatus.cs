namespace CallLoop.Silo.Analytics;

/// <summary>How far one projection has read the event log; <see cref="Lag"/> is events not yet projected.</summary>
public sealed record ProjectionStatus(string Name, string Lifecycle, long? Sequence, long HighestEvent, long Lag, DateTimeOffset? LastUpdated);
