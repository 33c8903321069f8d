using System.Diagnostics;
using CallLoop.Domain;
using CallLoop.EventStore.Configuration;
using CallLoop.EventStore.Projections.Facts;
using CallLoop.EventStore.Projections.Requests;
using CallLoop.Silo.Reports;
using CallLoop.Silo.Reports.Requests;
using CallLoop.Silo.Reports.States;
using Marten;
using Npgsql;

namespace CallLoop.Benchmarks.Rows;

/// <summary>
/// The analysts' two hottest reads over a large population: the state category report for the 12 months ending
/// now (rollups) against the same report counted from the fact rows (the baseline, same run, same data), and the
/// rights-request work queue. The tables are filled with SQL to the shape the projections give that many subjects
/// and events (10 events per subject: a registration, 6 collections, 2 disclosures, a consent; one request per
/// 10 subjects); the reports read only these tables, never <c>mt_events</c>.
/// </summary>
public static class ReportQueries
{
    private const string State = "CA";
    private const int Repetitions = 30;

    public static async Task SeedAsync(IDocumentStore store, NpgsqlDataSource db, int subjects)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var schema = PrivacyEventStoreExtensions.SchemaName;
        var states = JurisdictionTable.ListedCodes.ToArray();
        var categories = Enum.GetValues<PersonalInformationCategory>().Select(c => EnumText.ToText(c)).ToArray();
        var purposes = Enum.GetValues<ProcessingPurpose>().Select(p => EnumText.ToText(p)).ToArray();
        var types = Enum.GetValues<RightsRequestType>().Select(t => EnumText.ToText(t)).ToArray();
        var latest = ReportTables.Qualified(ReportRollups.Latest);
        var daily = ReportTables.Qualified(ReportRollups.Daily);
        var collections = ReportTables.Qualified(ReportTables.CollectionFacts);
        var disclosures = ReportTables.Qualified(ReportTables.DisclosureFacts);
        string[] statements =
        [
            // A third of the subjects live in California, the rest spread over the other jurisdictions.
            $"""
            insert into {ReportTables.Qualified(ReportTables.SubjectJurisdictions)} (subject_id, state)
            select 'r-' || s, case when s % 3 = 0 then '{State}' else ($1::text[])[1 + s % array_length($1, 1)] end
            from generate_series(1, {subjects}) s
            """,
            $"""
            insert into {collections} (seq_id, subject_id, state, category, source, source_detail, purposes, collected_at)
            select s * 10 + k, 'r-' || s, j.state, ($2::text[])[1 + (s + k * 7) % array_length($2, 1)],
                   (array['direct', 'automatic', 'third-party'])[1 + (s + k) % 3],
                   case when (s + k) % 3 = 2 then 'marketing-partner' end,
                   array[($3::text[])[1 + (s + k) % array_length($3, 1)], 'security'],
                   now() - make_interval(days => (s * 7 + k * 131) % 730, secs => (s * 13 + k) % 86400)
            from generate_series(1, {subjects}) s cross join generate_series(1, 6) k
            join {ReportTables.Qualified(ReportTables.SubjectJurisdictions)} j on j.subject_id = 'r-' || s
            """,
            $"""
            insert into {disclosures} (seq_id, category, subject_id, state, purpose, recipient, recipient_type, disclosed_at)
            select s * 10 + 6 + k, ($2::text[])[1 + (s + k * 3) % array_length($2, 1)], 'r-' || s, j.state,
                   (array['business-purpose', 'sale', 'sharing', 'direct-marketing'])[1 + (s + k) % 4], 'Partner ' || (s % 50),
                   (array['service-provider', 'contractor', 'third-party'])[1 + (s * k) % 3],
                   now() - make_interval(days => (s * 11 + k * 97) % 730, secs => (s * 17 + k) % 86400)
            from generate_series(1, {subjects}) s cross join generate_series(1, 2) k
            join {ReportTables.Qualified(ReportTables.SubjectJurisdictions)} j on j.subject_id = 'r-' || s
            """,
            // The rollups as the projection keeps them: each subject's latest fact per key, and subjects per day of it.
            $"""
            insert into {latest} (kind, state, key, subject_id, last_at)
            select kind, state, key, subject_id, max(at) from (
                select 'category' kind, state, category key, subject_id, collected_at at from {collections}
                union all select 'source', state, source || '|' || coalesce(source_detail, ''), subject_id, collected_at from {collections}
                union all select 'purpose', state, p, subject_id, collected_at from {collections}, unnest(purposes) p
                union all select 'disclosed:' || purpose, state, category || '|' || recipient_type, subject_id, disclosed_at from {disclosures}
            ) f group by kind, state, key, subject_id
            """,
            $"""
            insert into {daily} (kind, state, key, day, subjects)
            select kind, state, key, (last_at at time zone 'UTC')::date, count(*) from {latest} group by 1, 2, 3, 4
            """,
            $"""
            insert into {schema}.mt_doc_requestrecord (id, data, mt_version, mt_dotnet_type, is_open, current_due_at)
            select 'r-' || s || '/req-1',
                   jsonb_build_object('id', 'r-' || s || '/req-1', 'subjectId', 'r-' || s, 'requestId', 'req-1',
                       'type', ($4::text[])[1 + s % array_length($4, 1)], 'channel', 'web-form', 'jurisdiction', j.state,
                       'status', case when s % 40 < 3 then 'received' else 'completed' end,
                       'receivedAt', now() - make_interval(days => s % 400), 'dueAt', now() - make_interval(days => s % 400) + interval '45 days',
                       'isOpen', s % 40 < 3, 'currentDueAt', case when s % 40 < 3 then now() - make_interval(days => s % 400) + interval '45 days' end),
                   1, 'CallLoop.EventStore.Projections.Requests.RequestRecord', s % 40 < 3,
                   case when s % 40 < 3 then now() - make_interval(days => s % 400) + interval '45 days' end
            from generate_series(10, {subjects}, 10) s
            join {ReportTables.Qualified(ReportTables.SubjectJurisdictions)} j on j.subject_id = 'r-' || s
            """,
            "analyze",
        ];

        await using var connection = await db.OpenConnectionAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            if (sql.Contains("$1", StringComparison.Ordinal))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = states });
            }

            if (sql.Contains("$2", StringComparison.Ordinal) || sql.Contains("$3", StringComparison.Ordinal) || sql.Contains("$4", StringComparison.Ordinal))
            {
                command.Parameters.Clear();
                command.Parameters.Add(new NpgsqlParameter { Value = states });
                command.Parameters.Add(new NpgsqlParameter { Value = categories });
                command.Parameters.Add(new NpgsqlParameter { Value = purposes });
                command.Parameters.Add(new NpgsqlParameter { Value = types });
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    public static async Task<IReadOnlyList<Measurement>> RunAsync(IDocumentStore store, NpgsqlDataSource db, int subjects)
    {
        var window = ReportWindow.TwelveMonthsEndingAt(DateTimeOffset.UtcNow.AddMinutes(1));
        var population = $"{subjects:N0} subjects, {subjects * 10L:N0} events' facts";

        var rolled = await TimeAsync(Repetitions, async () =>
        {
            var (report, fromRollups) = await StateCategoryReportQuery.RunAsync(db, State, window, allowRollups: true, CancellationToken.None);
            return fromRollups && report.CategoriesCollected.Count > 0 ? 1 : throw new InvalidOperationException("The rollups did not answer.");
        });
        var scanned = await TimeAsync(3, async () =>
            (await StateCategoryReportQuery.RunAsync(db, State, window, allowRollups: false, CancellationToken.None)).Report.CategoriesCollected.Count > 0 ? 1 : 0);

        var openQueue = new RequestQueueFilter(RequestQueueFilter.Open, null, null, null, DateTimeOffset.UtcNow, RequestQueueFilter.DefaultLimit).ToSql();
        var overdueQueue = new RequestQueueFilter(RequestQueueFilter.Overdue, State, null, null, DateTimeOffset.UtcNow, RequestQueueFilter.DefaultLimit).ToSql();
        var open = await TimeAsync(Repetitions, async () => (await QueueAsync(store, openQueue)).Count);
        var overdue = await TimeAsync(Repetitions, async () => (await QueueAsync(store, overdueQueue)).Count);

        return
        [
            new Measurement($"State category report ({State}, 12 months to now), rollups", "reports/s", 1000 / rolled.Latency.P50, rolled.Latency,
                $"{population}; {scanned.Latency.P50 / rolled.Latency.P50:N0}x faster than counting the facts (next row)"),
            new Measurement($"State category report ({State}), counted from the facts (baseline)", "reports/s", 1000 / scanned.Latency.P50, scanned.Latency,
                $"{population}; the path of windows that end in the past"),
            new Measurement("Request queue: open, soonest deadline first, 500 rows", "queries/s", 1000 / open.Latency.P50, open.Latency,
                $"{subjects / 10:N0} request records; {open.Rows:N0} rows returned"),
            new Measurement($"Request queue: overdue in {State}, 500 rows", "queries/s", 1000 / overdue.Latency.P50, overdue.Latency,
                $"{subjects / 10:N0} request records; {overdue.Rows:N0} rows returned"),
        ];
    }

    private static async Task<IReadOnlyList<RequestRecord>> QueueAsync(IDocumentStore store, (string Where, object[] Parameters) sql)
    {
        await using var session = store.QuerySession();
        return await session.QueryAsync<RequestRecord>(sql.Where, CancellationToken.None, sql.Parameters);
    }

    private static async Task<(LatencySummary Latency, int Rows)> TimeAsync(int repetitions, Func<Task<int>> query)
    {
        await query(); // warm the plan and the cache
        var ticks = new List<long>();
        var rows = 0;
        for (var i = 0; i < repetitions; i++)
        {
            var before = Stopwatch.GetTimestamp();
            rows = await query();
            ticks.Add(Stopwatch.GetTimestamp() - before);
        }

        return (LatencySummary.From(ticks), rows);
    }
}
