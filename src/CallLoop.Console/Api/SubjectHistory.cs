using System.Text.Json;

namespace CallLoop.Console.Api;

/// <summary>One event of the subject's stream (an audited read: the events carry values); Actor: who made it, null for the system.</summary>
public sealed record HistoryEntry(long Version, string Type, DateTimeOffset RecordedAt, JsonElement Event, string? Actor = null);

/// <summary>One event of a rights request (GET .../requests/{id}/timeline): its type, when, and who (null: the system).</summary>
public sealed record RequestTimelineEntry(long Version, string Type, DateTimeOffset RecordedAt, string? Actor);

/// <summary>One audited read of the subject's personal values: who, when, why.</summary>
public sealed record ReadAuditEntry(long Version, DateTimeOffset AccessedAt, string AccessedBy, string Purpose, string View, string? RequestId, IReadOnlyList<string>? Categories);
