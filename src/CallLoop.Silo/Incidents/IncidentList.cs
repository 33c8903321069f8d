using CallLoop.EventStore.Incidents;
using CallLoop.EventStore.Projections.Facts;
using CallLoop.Silo.Analytics;
using CallLoop.Silo.Reports;
using Npgsql;

namespace CallLoop.Silo.Incidents;

/// <summary>
/// GET /api/incidents: every incident, obligations or not (not yet assessed, nobody affected, a failed
/// assessment), newest discovery first, a page at a time: <c>limit</c> (default 25, at most 200) and the answer's
/// <c>nextCursor</c> passed as <c>cursor</c>. Each line carries its assessment's status and its required obligations
/// counted by state (from <c>analytics.incident_obligations</c>, whose state moves with the clock); the totals are
/// counted by the database over every incident, not over the page.
/// </summary>
public static class IncidentList
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 200;

    private static string Incidents => ReportTables.Qualified(IncidentTables.Incidents);

    public static async Task<IncidentListPage> ListAsync(string? limit, string? cursor, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var rows = QueryParameters.Limit(limit, "limit", DefaultLimit, MaxLimit);
        var after = IncidentListCursor.Parse(cursor, "cursor");
        var items = await PageAsync(rows, after, db, cancellationToken);
        var (total, byStatus, overdue) = await CountAsync(db, cancellationToken);
        var next = items.Count == rows ? new IncidentListCursor(items[^1].DiscoveredAt, items[^1].IncidentId).ToToken() : null;
        return new IncidentListPage(total, byStatus, overdue, items.Count, items, next);
    }

    private static async Task<List<IncidentListItem>> PageAsync(int limit, IncidentListCursor? after, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            $"""
            select i.incident_id, i.discovered_at, i.reported_at, i.assessment, i.assessment_status, i.affected, i.failed_attempts, i.error_type,
                   coalesce(o.open, 0), coalesce(o.due_soon, 0), coalesce(o.overdue, 0), coalesce(o.met, 0)
            from {Incidents} i
            left join lateral (
                select count(*) filter (where state = 'open') as open, count(*) filter (where state = 'due-soon') as due_soon,
                       count(*) filter (where state = 'overdue') as overdue, count(*) filter (where state = 'met') as met
                from {AnalyticsSchema.Schema}.incident_obligations o
                where o.incident_id = i.incident_id and o.required) o on true
            {(after is null ? string.Empty : "where (i.discovered_at, i.incident_id) < (@at, @id)")}
            order by i.discovered_at desc, i.incident_id desc
            limit @limit
            """);
        command.Parameters.AddWithValue("limit", limit);
        if (after is not null)
        {
            command.Parameters.AddWithValue("at", after.DiscoveredAt);
            command.Parameters.AddWithValue("id", after.IncidentId);
        }

        var items = new List<IncidentListItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var obligations = new IncidentObligationCounts(reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11));
            items.Add(new IncidentListItem(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                obligations.State,
                reader.GetInt32(3),
                reader.GetString(4),
                reader.GetInt64(5),
                reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                obligations));
        }

        return items;
    }

    private static async Task<(long Total, IReadOnlyDictionary<string, long> ByStatus, long Overdue)> CountAsync(NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            $"""
            select i.assessment_status, count(*),
                   count(*) filter (where exists (
                       select 1 from {AnalyticsSchema.Schema}.incident_obligations o
                       where o.incident_id = i.incident_id and o.required and o.state = 'overdue'))
            from {Incidents} i group by 1
            """);
        var byStatus = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var overdue = 0L;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byStatus[reader.GetString(0)] = reader.GetInt64(1);
            overdue += reader.GetInt64(2);
        }

        return (byStatus.Values.Sum(), byStatus, overdue);
    }
}

/// <summary>
/// One page of the list of incidents: <see cref="Total"/>, <see cref="ByAssessmentStatus"/> and
/// <see cref="WithOverdue"/> count every incident; <see cref="NextCursor"/> (null on the last page) asks for the next.
/// </summary>
public sealed record IncidentListPage(
    long Total, IReadOnlyDictionary<string, long> ByAssessmentStatus, long WithOverdue, int Count, IReadOnlyList<IncidentListItem> Items, string? NextCursor);

/// <summary>
/// One incident: <see cref="State"/> is its most pressing required obligation (overdue, due-soon, open), met when
/// every one is, none when it has none (not assessed yet, nobody affected, or no law requires a notice).
/// </summary>
public sealed record IncidentListItem(
    string IncidentId,
    DateTimeOffset DiscoveredAt,
    DateTimeOffset? ReportedAt,
    string State,
    int Assessment,
    string AssessmentStatus,
    long Affected,
    int FailedAttempts,
    string? ErrorType,
    IncidentObligationCounts Obligations);

/// <summary>An incident's required obligations by state.</summary>
public sealed record IncidentObligationCounts(long Open, long DueSoon, long Overdue, long Met)
{
    public string State => Overdue > 0 ? "overdue" : DueSoon > 0 ? "due-soon" : Open > 0 ? "open" : Met > 0 ? "met" : "none";
}

/// <summary>Where a page ended: the last incident's discovery and id, as an opaque URL-safe token (<see cref="TimeKeyToken"/>).</summary>
public sealed record IncidentListCursor(DateTimeOffset DiscoveredAt, string IncidentId)
{
    public string ToToken() => TimeKeyToken.Encode(DiscoveredAt, IncidentId);

    public static IncidentListCursor? Parse(string? token, string name) =>
        TimeKeyToken.Decode(token, name, "the nextCursor of a previous page") is { } cursor ? new IncidentListCursor(cursor.At, cursor.Key) : null;
}
