using CallLoop.EventStore.Projections.Requests;

namespace CallLoop.Silo.Reports.Requests;

public sealed record RequestQueue(DateTimeOffset AsOf, string Status, int Count, IReadOnlyList<RequestRecord> Requests);
