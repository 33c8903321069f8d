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

        foreach (var table in new[] { "privacy.mt_events", "privacy.mt_streams", "privacy.report_consent_ledger", "privacy.mt_doc_subjectaccessprofile" })
        {
            var denied = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, $"select count(*) from {table}"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        }

        var write = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "delete from analytics.collection_facts"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, write.SqlState);
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
