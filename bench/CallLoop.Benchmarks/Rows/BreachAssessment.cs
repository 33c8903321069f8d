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
/// for an incident over categories A and B in the last year, and its counts are read back.
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
            $"{subjects:N0} subjects, {affected:N0} affected in {counts.Count} jurisdictions, {elapsed.TotalSeconds:N1} s; latency columns are per chunk ({chunks.Count} chunks)");
    }
}
