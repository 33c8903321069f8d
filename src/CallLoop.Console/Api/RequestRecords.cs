namespace CallLoop.Console.Api;

/// <summary>GET /api/requests: the request records matching a filter, soonest deadline first.</summary>
public sealed record RequestQueue(DateTimeOffset AsOf, string Status, int Count, IReadOnlyList<RequestRecord> Requests);

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
