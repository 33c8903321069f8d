using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Silo.Analytics;
using Npgsql;

namespace CallLoop.Integration.Tests.Reports;

[Collection(ReportsCollection.Name)]
public sealed class AnalyticsRoleTests(SiloApplicationFactory factory)
{
    private readonly ReportsDriver driver = new(factory);

    [Fact]
    public async Task Given_analyst_role_When_reading_Then_views_answer_and_event_tables_are_refused()
    {
        _ = driver.Client; // starts the host, which installs the schema
        await using var connection = await driver.OpenAsync();
        await ExecuteAsync(connection, $"set role {AnalyticsSchema.AnalystRole}");

        foreach (var view in AnalyticsSchema.Views)
        {
            await ExecuteAsync(connection, $"select count(*) from analytics.{view}");
        }

        foreach (var table in new[] { "privacy.mt_events", "privacy.mt_streams", "privacy.report_consent_ledger", "privacy.mt_doc_requestrecord" })
        {
            var denied = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, $"select count(*) from {table}"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        }

        var write = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "delete from analytics.collection_facts"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, write.SqlState);
    }

    [Fact]
    public async Task Given_a_leaky_function_When_the_analyst_filters_a_view_with_it_Then_it_sees_only_rows_the_view_lets_through_and_temporary_objects_are_refused()
    {
        var read = ReportsDriver.NewId("read");
        var unread = ReportsDriver.NewId("unread");
        await driver.ExecuteAsync(new RegisterSubject { SubjectId = read, Jurisdiction = "CA" });
        await driver.ExecuteAsync(new RegisterSubject { SubjectId = unread, Jurisdiction = "CA" });
        await driver.Grains.GetGrain<IDataSubjectGrain>(read).ReadPersonalDataAsync(new PersonalDataAccess { AccessedBy = "auditor", Purpose = AccessPurpose.CustomerSupport });
        var leak = $"leak_{Guid.NewGuid():N}";
        await using var connection = await driver.OpenAsync();
        var seen = new List<string>();
        connection.Notice += (_, e) => seen.Add(e.Notice.MessageText);

        // As if the analyst had managed to define it: cheap, so the planner would run it before the view's own filter.
        await ExecuteAsync(connection, $"create function public.{leak}(text) returns boolean language plpgsql cost 0.0000001 as $$ begin raise notice '%', $1; return true; end $$");
        await ExecuteAsync(connection, $"grant execute on function public.{leak}(text) to {AnalyticsSchema.AnalystRole}");
        await ExecuteAsync(connection, $"set role {AnalyticsSchema.AnalystRole}");
        await ExecuteAsync(connection, "set enable_indexscan = off; set enable_bitmapscan = off");
        await ExecuteAsync(connection, $"select count(*) from analytics.personal_data_access where public.{leak}(subject_id)");

        Assert.Contains(read, seen);
        Assert.DoesNotContain(unread, seen);
        var temporary = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, $"create function pg_temp.{leak}(text) returns boolean language sql as 'select true'"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, temporary.SqlState);
        var table = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "create temporary table stash(x text)"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, table.SqlState);
    }

    [Fact]
    public async Task Consent_ledger_view_leaves_evidence_out()
    {
        _ = driver.Client;
        await using var connection = await driver.OpenAsync();
        await using var command = new NpgsqlCommand("select column_name from information_schema.columns where table_schema = 'analytics' and table_name = 'consent_ledger'", connection);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        Assert.Contains("purpose", columns);
        Assert.DoesNotContain("evidence", columns);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
