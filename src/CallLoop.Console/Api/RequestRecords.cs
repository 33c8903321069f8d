namespace CallLoop.Console.Api;

/// <summary>GET /api/requests: one page of the request records matching a filter, soonest deadline first; NextCursor asks for the next.</summary>
public sealed record RequestQueue(DateTimeOffset AsOf, string Status, int Count, IReadOnlyList<RequestRecord> Requests, string? NextCursor = null);

/// <summary>GET /api/requests/counts: every record matching the filter, counted by the API (not one page).</summary>
public sealed record RequestQueueCounts(DateTimeOffset AsOf, string Status, long Total, IReadOnlyDictionary<string, long> ByStatus, long Overdue, long DueSoon, int DueSoonDays);

/// <summary>One request's record: no personal data beyond the subject id.</summary>
public sealed record RequestRecord(
    string SubjectId,
    string RequestId,
    string Type,
    string Channel,
    string Jurisdiction,
    bool ViaAuthorizedAgent,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? CurrentDueAt,
    bool IsOpen,
    bool Extended,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? RespondedAt,
    string? Outcome);
