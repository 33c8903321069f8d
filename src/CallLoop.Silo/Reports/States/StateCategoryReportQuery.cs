using CallLoop.EventStore.Projections.Facts;
using Npgsql;

namespace CallLoop.Silo.Reports.States;

/// <summary>
/// Reads the state report. A window that no fact of the state postdates (the law's "preceding 12 months", asked
/// now) is answered from the rollups; any other window from the fact tables, each section one query on the
/// (state, time) index.
/// </summary>
public static class StateCategoryReportQuery
{
    private static readonly string Collections = ReportTables.Qualified(ReportTables.CollectionFacts);
    private static readonly string Disclosures = ReportTables.Qualified(ReportTables.DisclosureFacts);

    private static readonly string CollectedWhere = "state = $1 and collected_at > $2 and collected_at <= $3";
    private static readonly string DisclosedWhere = "state = $1 and disclosed_at > $2 and disclosed_at <= $3";

    public static async Task<StateCategoryReport> RunAsync(NpgsqlDataSource db, string state, ReportWindow window, CancellationToken cancellationToken) =>
        (await RunAsync(db, state, window, allowRollups: true, cancellationToken)).Report;

    /// <returns>The report, and whether the rollups answered it.</returns>
    public static async Task<(StateCategoryReport Report, bool FromRollups)> RunAsync(
        NpgsqlDataSource db, string state, ReportWindow window, bool allowRollups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(window);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        if (allowRollups && await NothingAfterAsync(connection, state, window, cancellationToken))
        {
            return (await StateReportRollupQuery.RunAsync(connection, state, window, cancellationToken), true);
        }

        return (await ScanAsync(connection, state, window, cancellationToken), false);
    }

    private static async Task<bool> NothingAfterAsync(NpgsqlConnection connection, string state, ReportWindow window, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select not exists (select 1 from {Collections} where state = $1 and collected_at > $2) and not exists (select 1 from {Disclosures} where state = $1 and disclosed_at > $2)",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = state });
        command.Parameters.Add(new NpgsqlParameter { Value = window.To.ToUniversalTime() });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<StateCategoryReport> ScanAsync(NpgsqlConnection connection, string state, ReportWindow window, CancellationToken cancellationToken)
    {
        var categories = await ReadAsync(connection, state, window,
            $"select category, count(distinct subject_id) from {Collections} where {CollectedWhere} group by category order by category",
            r => new CategoryCount(r.GetString(0), r.GetInt64(1)), cancellationToken);
        var sources = await ReadAsync(connection, state, window,
            $"select source, source_detail, count(distinct subject_id) from {Collections} where {CollectedWhere} group by source, source_detail order by source, source_detail nulls first",
            r => new SourceCount(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt64(2)), cancellationToken);
        var purposes = await ReadAsync(connection, state, window,
            $"select p.purpose, count(distinct f.subject_id) from {Collections} f cross join lateral unnest(f.purposes) as p(purpose) where {CollectedWhere.Replace("state", "f.state", StringComparison.Ordinal).Replace("collected_at", "f.collected_at", StringComparison.Ordinal)} group by p.purpose order by p.purpose",
            r => new PurposeCount(r.GetString(0), r.GetInt64(1)), cancellationToken);
        return new StateCategoryReport(
            state,
            window.From,
            window.To,
            categories,
            sources,
            purposes,
            await DisclosedAsync(connection, state, window, "business-purpose", cancellationToken),
            await DisclosedAsync(connection, state, window, "sale", cancellationToken),
            await DisclosedAsync(connection, state, window, "sharing", cancellationToken));
    }

    private static Task<List<RecipientCount>> DisclosedAsync(NpgsqlConnection connection, string state, ReportWindow window, string purpose, CancellationToken cancellationToken) =>
        ReadAsync(connection, state, window,
            $"select category, recipient_type, count(distinct subject_id) from {Disclosures} where {DisclosedWhere} and purpose = $4 group by category, recipient_type order by category, recipient_type",
            r => new RecipientCount(r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken, purpose);

    private static async Task<List<T>> ReadAsync<T>(
        NpgsqlConnection connection,
        string state,
        ReportWindow window,
        string sql,
        Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken,
        string? purpose = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = state });
        command.Parameters.Add(new NpgsqlParameter { Value = window.From.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = window.To.ToUniversalTime() });
        if (purpose is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = purpose });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
