using CallLoop.EventStore.Projections.Requests;

namespace CallLoop.Silo.Reports.Requests;

/// <summary>
/// One page of the request queue. <see cref="NextCursor"/> asks for the next page (pass it as <c>cursor</c>); null when
/// this page was the last.
/// </summary>
public sealed record RequestQueue(DateTimeOffset AsOf, string Status, int Count, IReadOnlyList<RequestRecord> Requests, string? NextCursor = null);
