using System.Text.Json;

namespace CallLoop.Console.Api;

/// <summary>One event of the subject's stream (an audited read: the events carry values).</summary>
public sealed record HistoryEntry(long Version, string Type, DateTimeOffset RecordedAt, JsonElement Event);

/// <summary>One audited read of the subject's personal values: who, when, why.</summary>
public sealed record ReadAuditEntry(long Version, DateTimeOffset AccessedAt, string AccessedBy, string Purpose, string View, string? RequestId, IReadOnlyList<string>? Categories);
