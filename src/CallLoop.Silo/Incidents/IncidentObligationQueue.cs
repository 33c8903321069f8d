using CallLoop.Silo.Analytics;
using CallLoop.Silo.Reports;
using Npgsql;

namespace CallLoop.Silo.Incidents;

/// <summary>
/// GET /api/incident-obligations: the privacy officers' queue of breach-notice obligations across incidents, soonest due first,
/// read from <c>analytics.incident_obligations</c> (its state moves with the clock). <c>state</c> is <c>open</c>
/// (default: open, due soon or overdue), one of those, <c>met</c> or <c>any</c>; bad values are 400s naming the parameter.
/// </summary>
public static class IncidentObligationQueue
{
    public const string Open = "open";
    public const string Any = "any";

    public static IReadOnlyList<string> States { get; } = [Open, "due-soon", "overdue", "met", Any];

    public static async Task<IncidentObligationPage> ListAsync(string? state, string? limit, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var wanted = QueryParameters.OneOf(state, "state", Open, [.. States]);
        var rows = QueryParameters.Limit(limit, "limit", 500, 5000);
        var states = wanted switch
        {
            Open => ["open", "due-soon", "overdue"],
            Any => new[] { "open", "due-soon", "overdue", "met" },
            _ => [wanted],
        };
        await using var command = db.CreateCommand(
            $"""
            select incident_id, jurisdiction, obligation, state, due_at, met_at, affected, discovered_at
            from {AnalyticsSchema.Schema}.incident_obligations
            where required and state = any(@states)
            order by due_at nulls last, incident_id, jurisdiction, obligation
            limit @limit
            """);
        command.Parameters.AddWithValue("states", states);
        command.Parameters.AddWithValue("limit", rows);
        var items = new List<IncidentObligationItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new IncidentObligationItem(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetInt64(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return new IncidentObligationPage(wanted, items.Count, items);
    }
}

/// <summary>One page of the obligation queue.</summary>
public sealed record IncidentObligationPage(string State, int Count, IReadOnlyList<IncidentObligationItem> Items);

/// <summary>One required obligation of one incident in one jurisdiction: individuals, regulator or credit-bureaus.</summary>
public sealed record IncidentObligationItem(
    string IncidentId, string Jurisdiction, string Obligation, string State, DateTimeOffset? DueAt, DateTimeOffset? MetAt, long Affected, DateTimeOffset DiscoveredAt);
