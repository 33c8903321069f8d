using System.Diagnostics;
using CallLoop.Domain;
using CallLoop.EventStore.Incidents;
using CallLoop.EventStore.Projections.Facts;
using Marten;
using Npgsql;

namespace CallLoop.Benchmarks.Rows;

/// <summary>
/// A breach assessment over the report rows' population (<see cref="ReportQueries.SeedAsync"/> must have run): the
/// residency and erasure facts are filled with SQL to the shape the exposure projection gives (one residency row per
/// subject, one in ten moved once, one in fifty erased identifiers), then the whole job runs once, chunk by chunk,
/// for an incident over categories A and B in the last year, and its counts are read back. Alone
/// (<c>--breach-only --report-subjects N</c>) the population is only what the assessment reads
/// (<see cref="SeedPopulationAsync"/>), so a million subjects are seeded in minutes.
/// </summary>
public static class BreachAssessment
{
    public static async Task SeedAsync(IDocumentStore store, NpgsqlDataSource db)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var subjects = ReportTables.Qualified(ReportTables.SubjectJurisdictions);
        string[] statements =
        [
            $"""
            insert into {ReportTables.Qualified(ExposureTables.ResidencyFacts)} (seq_id, subject_id, state, since)
            select row_number() over (), subject_id, state, now() - interval '800 days' from {subjects}
            on conflict do nothing
            """,
            $"""
            insert into {ReportTables.Qualified(ExposureTables.ResidencyFacts)} (seq_id, subject_id, state, since)
            select 100000000 + row_number() over (), subject_id, 'TX', now() - interval '100 days' from {subjects} where hashtext(subject_id) % 10 = 0
            on conflict do nothing
            """,
            $"""
            insert into {ReportTables.Qualified(ExposureTables.ErasureFacts)} (seq_id, category, subject_id, erased_at)
            select row_number() over (), 'A', subject_id, now() - interval '500 days' from {subjects} where hashtext(subject_id) % 50 = 1
            on conflict do nothing
            """,
            "analyze",
        ];

        await using var connection = await db.OpenConnectionAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Only what the assessment reads, for <paramref name="subjects"/> people, in a few set-based statements: where
    /// each lives (a third in California), three collections each over the last two years (cycling through every
    /// category), then the residency and erasure facts of <see cref="SeedAsync"/>.
    /// </summary>
    public static async Task<TimeSpan> SeedPopulationAsync(IDocumentStore store, NpgsqlDataSource db, int subjects)
    {
        var started = Stopwatch.GetTimestamp();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var where = ReportTables.Qualified(ReportTables.SubjectJurisdictions);
        string[] statements =
        [
            $"""
            insert into {where} (subject_id, state)
            select 'b-' || s, case when s % 3 = 0 then 'CA' else ($1::text[])[1 + s % array_length($1, 1)] end
            from generate_series(1, {subjects}) s
            """,
            $"""
            insert into {ReportTables.Qualified(ReportTables.CollectionFacts)} (seq_id, subject_id, state, category, source, purposes, collected_at)
            select s * 3 + k, 'b-' || s, j.state, ($2::text[])[1 + (s + k * 5) % array_length($2, 1)], 'direct',
                   array['provide-services'], now() - make_interval(days => (s * 7 + k * 131) % 730)
            from generate_series(1, {subjects}) s cross join generate_series(0, 2) k
            join {where} j on j.subject_id = 'b-' || s
            """,
        ];

        await using (var connection = await db.OpenConnectionAsync())
        {
            foreach (var sql in statements)
            {
                await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
                command.Parameters.Add(new NpgsqlParameter { Value = JurisdictionTable.ListedCodes.ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = Enum.GetValues<PersonalInformationCategory>().Select(c => EnumText.ToText(c)).ToArray() });
                await command.ExecuteNonQueryAsync();
            }
        }

        await SeedAsync(store, db);
        return Stopwatch.GetElapsedTime(started);
    }

    public static async Task<Measurement> RunAsync(NpgsqlDataSource db, int subjects)
    {
        var assessments = new IncidentAssessments(db);
        var now = DateTimeOffset.UtcNow;
        var facts = new IncidentFacts
        {
            DiscoveredAt = now,
            OccurredFrom = now.AddDays(-365),
            OccurredTo = now.AddDays(-1),
            Description = "benchmark",
            Categories = [PersonalInformationCategory.Identifiers, PersonalInformationCategory.CustomerRecords],
            DataElements = [BreachDataElement.Name, BreachDataElement.Ssn],
        };
        var incidentId = $"bench-{Guid.NewGuid():N}";
        var chunks = new List<long>();
        var before = Stopwatch.GetTimestamp();
        foreach (var chunk in IncidentAssessments.Chunks)
        {
            var chunkStart = Stopwatch.GetTimestamp();
            await assessments.AssessChunkAsync(incidentId, 1, facts, chunk, CancellationToken.None);
            chunks.Add(Stopwatch.GetTimestamp() - chunkStart);
        }

        await assessments.DropEarlierAsync(incidentId, 1, CancellationToken.None);
        var counts = await assessments.CountAsync(incidentId, CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(before);
        var affected = counts.Sum(c => c.Affected);
        return new Measurement(
            "Breach assessment (categories A and B, one year), the whole job",
            "subjects/s",
            subjects / elapsed.TotalSeconds,
            LatencySummary.From(chunks),
            $"{subjects:N0} subjects, {affected:N0} affected in {counts.Count} jurisdictions, wall time {elapsed.TotalSeconds:N1} s; latency columns are per chunk ({chunks.Count} chunks)");
    }
}
