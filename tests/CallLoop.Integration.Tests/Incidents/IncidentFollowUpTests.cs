using System.Net;
using System.Text.Json;
using CallLoop.Contracts.Incidents;
using CallLoop.Domain;
using CallLoop.EventStore.Incidents;
using CallLoop.Grains.Incidents;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Publication;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static CallLoop.Integration.Tests.Incidents.IncidentAcceptanceTests;

namespace CallLoop.Integration.Tests.Incidents;

/// <summary>
/// What follows an incident's commit survives the silo: the deadline reminders are derived from the committed
/// events by the follow-up reminder armed before the commit, and an assessment interrupted with its activation
/// finishes on its own. While waiting, the tests read the database only: a call to the incident would activate it.
/// </summary>
[Collection(IncidentCollection.Name)]
public sealed class IncidentFollowUpTests(IncidentSiloFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    private IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task Given_silo_died_between_commit_and_scheduling_When_follow_up_fires_Then_deadline_reminders_come_from_the_committed_events()
    {
        // Washington: individuals within 30 days of discovery; discovered 60 days ago, the notice is overdue at once.
        var (from, to) = (DateTimeOffset.UtcNow.AddDays(-70), DateTimeOffset.UtcNow);
        var incidentId = await ReportAsync(discoveredDaysAgo: 60, from, to);
        await using var interrupted = await InterruptAssessmentAsync(incidentId);

        // The commit its silo made before dying: the assessment recorded, no deadline reminder armed after it. The
        // follow-up reminder the grain registered before its commits is all that is left to act on it.
        var started = await factory.Services.GetRequiredService<IIncidentStreams>().LoadAsync(incidentId, CancellationToken.None);
        await IncidentCommits.CommitAsync(
            factory.Services,
            incidentId,
            new IncidentAssessed { Assessment = started.AssessmentStarted, Jurisdictions = [new AffectedJurisdiction { Jurisdiction = "WA", Affected = 1, Notifiable = 1 }] });
        await interrupted.ReleaseAsync();

        var overdue = await Eventually.ReturnsAsync(
            () => OverdueFactsAsync(factory.ConnectionString, incidentId, "WA"), count => count > 0, Patience.Long, "the overdue fact from the re-derived reminders");
        Assert.Equal(1, overdue);
        await Eventually.ReturnsAsync(() => FollowUpsAsync(incidentId), count => count == 0, Patience.Long, "the follow-up reminder to go");
        Assert.Equal(1, await OverdueFactsAsync(factory.ConnectionString, incidentId, "WA"));
    }

    [Fact]
    public async Task Given_assessment_interrupted_with_its_activation_When_nobody_calls_the_incident_Then_it_resumes_and_records_the_right_counts()
    {
        var longAgo = DateTimeOffset.UtcNow.AddDays(-40);
        await SubjectAsync(client, "WA", ("A", longAgo));
        await SubjectAsync(client, "OR", ("B", longAgo));
        await factory.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(Patience.Long);
        var (from, to) = (DateTimeOffset.UtcNow.AddDays(-50), DateTimeOffset.UtcNow);
        var incidentId = await ReportAsync(discoveredDaysAgo: 1, from, to);

        await using (var interrupted = await InterruptAssessmentAsync(incidentId))
        {
            await interrupted.ReleaseAsync();
        }

        var recorded = await Eventually.ReturnsAsync(() => AssessedCountsAsync(incidentId), counts => counts is not null, Patience.Long, "the resumed assessment");
        var expected = await IndependentCountAsync(factory.ConnectionString, from, to);
        Assert.Equal(expected, recorded);
        Assert.True(recorded!["WA"] >= 1 && recorded["OR"] >= 1);
        await Eventually.ReturnsAsync(() => FollowUpsAsync(incidentId), count => count == 0, Patience.Long, "the follow-up reminder to go once the assessment is recorded");

        var view = await client.GetAsync($"/api/incidents/{incidentId}").JsonAsync();
        Assert.Equal("completed", view.GetProperty("assessment").GetProperty("status").GetString());
        Assert.Equal(expected.Values.Sum(), view.GetProperty("affected").GetInt64());
    }

    [Fact]
    public async Task Given_assessment_refused_by_the_database_When_every_attempt_fails_Then_failure_recorded_once_nothing_retries_and_a_restart_completes_it()
    {
        var longAgo = DateTimeOffset.UtcNow.AddDays(-40);
        // Oregon: the acceptance test, on the same database, counts its own jurisdictions exactly.
        await SubjectAsync(client, "OR", ("A", longAgo));
        await factory.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(Patience.Long);
        var (from, to) = (DateTimeOffset.UtcNow.AddDays(-50), DateTimeOffset.UtcNow);
        var incidentId = await ReportAsync(discoveredDaysAgo: 1, from, to);

        // A real refusal of the database: every row of this incident breaks a constraint (the others' rows do not).
        var constraint = $"refuse_{incidentId.Replace('-', '_')}";
        await ExecuteAsync($"alter table {ReportTablesName(IncidentTables.Subjects)} add constraint {constraint} check (incident_id <> '{incidentId}') not valid");
        await client.PostAsync($"/api/incidents/{incidentId}/assessment", null).JsonAsync(HttpStatusCode.Accepted);

        var failed = await Eventually.ReturnsAsync(
            async () => (await client.GetAsync($"/api/incidents/{incidentId}").JsonAsync()).GetProperty("assessment"),
            a => a.GetProperty("status").GetString() == "failed",
            Patience.Long,
            "the assessment to give up");
        Assert.Equal(3, failed.GetProperty("failedAttempts").GetInt32());
        Assert.Equal("PostgresException", failed.GetProperty("errorType").GetString());
        var recorded = await FailureEventsAsync(incidentId);
        Assert.Equal(["1|3|PostgresException|assessment,attempts,errorType,incidentId,occurredAt"], recorded);
        await Eventually.ReturnsAsync(() => FollowUpsAsync(incidentId), count => count == 0, Patience.Long, "the follow-up reminder to go: nothing retries a failed assessment");

        // Refused notices while failed; admins and analysts may not restart, a privacy officer may (once the cause is gone).
        var refused = await client.PostJsonAsync($"/api/incidents/{incidentId}/regulator-notices", new { jurisdiction = "OR", regulator = "Attorney General" }).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("assessment-failed", refused.GetProperty("rule").GetString());
        foreach (var role in new[] { "admin", "analyst" })
        {
            using var other = factory.CreateClientAs($"{role}-1", role);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/api/incidents/{incidentId}/assessment/restart", null)).StatusCode);
        }

        Assert.Equal(recorded, await FailureEventsAsync(incidentId));
        await ExecuteAsync($"alter table {ReportTablesName(IncidentTables.Subjects)} drop constraint {constraint}");
        using var officer = factory.CreateClientAs("officer-1", "privacy-officer");
        var restarted = await officer.PostAsync($"/api/incidents/{incidentId}/assessment/restart", null).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(2, restarted.GetProperty("assessment").GetProperty("number").GetInt32());

        var counts = await Eventually.ReturnsAsync(() => AssessedCountsAsync(incidentId), c => c is not null, Patience.Long, "the restarted assessment");
        Assert.Equal(await IndependentCountAsync(factory.ConnectionString, from, to), counts);
        var view = await client.GetAsync($"/api/incidents/{incidentId}").JsonAsync();
        Assert.Equal("completed", view.GetProperty("assessment").GetProperty("status").GetString());
        var again = await officer.PostAsync($"/api/incidents/{incidentId}/assessment/restart", null).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("assessment-not-failed", again.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Given_an_assessment_failing_across_a_deactivation_When_it_resumes_Then_it_counts_on_from_the_stream_and_gives_up_at_the_bound()
    {
        await SubjectAsync(client, "OR", ("A", DateTimeOffset.UtcNow.AddDays(-40)));
        await factory.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(Patience.Long);
        var incidentId = await ReportAsync(discoveredDaysAgo: 1, DateTimeOffset.UtcNow.AddDays(-50), DateTimeOffset.UtcNow);
        var constraint = $"refuse_{incidentId.Replace('-', '_')}";
        await ExecuteAsync($"alter table {ReportTablesName(IncidentTables.Subjects)} add constraint {constraint} check (incident_id <> '{incidentId}') not valid");
        try
        {
            await using var blocker = new NpgsqlConnection(factory.ConnectionString);
            await blocker.OpenAsync();
            await using var holding = await blocker.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand($"lock table {ReportTablesName(IncidentTables.Subjects)} in exclusive mode", blocker, holding))
            {
                await lockTable.ExecuteNonQueryAsync();
            }

            // Attempt 1 waits on the lock and is cut off while its activation lives: a failed attempt, recorded.
            await client.PostAsync($"/api/incidents/{incidentId}/assessment", null).JsonAsync(HttpStatusCode.Accepted);
            var first = await Eventually.ReturnsAsync(BlockedChunkAsync, pid => pid is not null, Patience.Long, "attempt 1 to wait on the lock");
            await TerminateAsync(blocker, holding, first!.Value);
            await Eventually.ReturnsAsync(() => AttemptEventsAsync(incidentId), attempts => attempts.Count == 1, Patience.Long, "attempt 1 recorded");

            // Attempt 2 waits on the lock when its activation goes: not a failure of the assessment, nothing recorded.
            var second = await Eventually.ReturnsAsync(BlockedChunkAsync, pid => pid is not null && pid != first, Patience.Long, "attempt 2 to wait on the lock");
            await Grains.DeactivateAsync(Grains.GetGrain<IIncidentGrain>(incidentId));
            await TerminateAsync(blocker, holding, second!.Value);
            await holding.RollbackAsync();

            // The follow-up reminder resumes it in a new activation, which counts on from the stream: two more attempts
            // (the constraint refuses them), and the third counted gives up. Counted in memory, it would have made three more.
            var failed = await Eventually.ReturnsAsync(() => FailureEventsAsync(incidentId), rows => rows.Count > 0, Patience.Long, "the assessment to give up");
            Assert.Equal("1|3|PostgresException", string.Join('|', Assert.Single(failed).Split('|').Take(3)));
            Assert.Equal([1, 2], await AttemptEventsAsync(incidentId));
            var view = await client.GetAsync($"/api/incidents/{incidentId}").JsonAsync();
            Assert.Equal(("failed", 3), (view.GetProperty("assessment").GetProperty("status").GetString(), view.GetProperty("assessment").GetProperty("failedAttempts").GetInt32()));
        }
        finally
        {
            await ExecuteAsync($"alter table {ReportTablesName(IncidentTables.Subjects)} drop constraint {constraint}");
        }
    }

    private static async Task TerminateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int pid)
    {
        await using var terminate = new NpgsqlCommand("select pg_terminate_backend(@pid)", connection, transaction);
        terminate.Parameters.AddWithValue("pid", pid);
        await terminate.ExecuteNonQueryAsync();
    }

    private Task<List<int>> AttemptEventsAsync(string incidentId) =>
        EventsAsync<int>(incidentId, "incident_assessment_attempt_failed", "(data ->> 'attempt')::int");

    /// <summary>Each recorded failure's assessment, attempts, error type and the event's member names.</summary>
    private Task<List<string>> FailureEventsAsync(string incidentId) =>
        EventsAsync<string>(
            incidentId,
            "incident_assessment_failed",
            """
            concat_ws('|', data ->> 'assessment', data ->> 'attempts', data ->> 'errorType',
                      (select string_agg(k, ',' order by k) from jsonb_object_keys(data) k))
            """);

    /// <summary>One value (<paramref name="selected"/>) of each stored event of <paramref name="type"/> in the incident's stream, in order.</summary>
    private async Task<List<T>> EventsAsync<T>(string incidentId, string type, string selected)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select {selected} from privacy.mt_events where stream_id = @id and type = @type order by seq_id", connection);
        command.Parameters.AddWithValue("id", IncidentStreams.StreamId(incidentId));
        command.Parameters.AddWithValue("type", type);
        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    private Task<int> ExecuteAsync(string sql) => TestSql.ExecuteAsync(factory.ConnectionString, sql);

    /// <summary>
    /// Starts the assessment with its first chunk held on a lock, so the job is surely in the middle; then the
    /// activation goes and the job's statement is cut off. The lock is held until <see cref="Interruption.ReleaseAsync"/>.
    /// </summary>
    private async Task<Interruption> InterruptAssessmentAsync(string incidentId)
    {
        var blocker = new NpgsqlConnection(factory.ConnectionString);
        await blocker.OpenAsync();
        var holding = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand($"lock table {ReportTablesName(IncidentTables.Subjects)} in exclusive mode", blocker, holding))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        await client.PostAsync($"/api/incidents/{incidentId}/assessment", null).JsonAsync(HttpStatusCode.Accepted);
        var chunk = await Eventually.ReturnsAsync(BlockedChunkAsync, pid => pid is not null, Patience.Long, "the assessment's chunk to wait on the lock");
        await Grains.DeactivateAsync(Grains.GetGrain<IIncidentGrain>(incidentId));
        await TerminateAsync(blocker, holding, chunk!.Value);

        Assert.Equal(1, await FollowUpsAsync(incidentId));
        return new Interruption(blocker, holding);
    }

    private sealed class Interruption(NpgsqlConnection connection, NpgsqlTransaction holding) : IAsyncDisposable
    {
        public Task ReleaseAsync() => holding.RollbackAsync();

        public async ValueTask DisposeAsync()
        {
            await holding.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private async Task<long> FollowUpsAsync(string incidentId)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from OrleansRemindersTable where GrainId like @grain and ReminderName = @name", connection);
        command.Parameters.AddWithValue("grain", $"%{incidentId}");
        command.Parameters.AddWithValue("name", IncidentGrain.FollowUpReminder);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string ReportTablesName(string table) => CallLoop.EventStore.Projections.Facts.ReportTables.Qualified(table);

    private async Task<string> ReportAsync(int discoveredDaysAgo, DateTimeOffset from, DateTimeOffset to)
    {
        var incidentId = $"inc-{Guid.NewGuid():N}";
        await client.PostJsonAsync("/api/incidents", new
        {
            incidentId,
            discoveredAt = Iso(DateTimeOffset.UtcNow.AddDays(-discoveredDaysAgo)),
            occurredFrom = Iso(from),
            occurredTo = Iso(to),
            description = "a backup of the customer table was left readable on a public bucket.",
            categories = new[] { "A", "B" },
            dataElements = new[] { "name", "ssn" },
            encrypted = false,
            keyCompromised = false,
            systems = new[] { "backups" },
        }).JsonAsync(HttpStatusCode.Created);
        return incidentId;
    }

    private async Task<int?> BlockedChunkAsync()
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select pid from pg_stat_activity where wait_event_type = 'Lock' and query like '%insert into {ReportTablesName(IncidentTables.Subjects)}%' limit 1",
            connection);
        return await command.ExecuteScalarAsync() as int?;
    }

    /// <summary>The counts of the incident's recorded assessment, read from its stream (null until recorded).</summary>
    private async Task<Dictionary<string, long>?> AssessedCountsAsync(string incidentId)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select data -> 'jurisdictions' from privacy.mt_events where stream_id = @id and type = 'incident_assessed' order by seq_id desc limit 1",
            connection);
        command.Parameters.AddWithValue("id", IncidentStreams.StreamId(incidentId));
        if (await command.ExecuteScalarAsync() is not string json)
        {
            return null;
        }

        return JsonDocument.Parse(json).RootElement.EnumerateArray()
            .ToDictionary(j => j.GetProperty("jurisdiction").GetString()!, j => j.GetProperty("affected").GetInt64());
    }
}
