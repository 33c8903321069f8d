namespace CallLoop.EventStore.Incidents;

/// <summary>One affected subject of an incident: the jurisdiction at the time, whether they can still be notified, and when they were.</summary>
public sealed record IncidentSubject(string SubjectId, string Jurisdiction, bool Notifiable, DateTimeOffset? NoticedAt);
