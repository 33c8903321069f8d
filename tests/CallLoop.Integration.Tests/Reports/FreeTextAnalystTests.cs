using CallLoop.Domain;
using CallLoop.EventStore.Projections.Facts;
using CallLoop.Integration.Tests.Erasure;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Silo.Analytics;
using Npgsql;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>Staff type names and emails into free text; no analyst surface (HTTP, CSV, SQL views) may show it.</summary>
[Collection(ReportsCollection.Name)]
public sealed class FreeTextAnalystTests(SiloApplicationFactory factory)
{
    private readonly ReportsDriver driver = new(factory);

    [Fact]
    public async Task Given_evidence_extension_reason_and_denial_basis_naming_the_subject_When_analysts_read_ledgers_and_records_Then_the_text_is_nowhere()
    {
        var subjectId = ReportsDriver.NewId("freetext");
        var email = $"{subjectId}@example.org";
        await driver.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA", Email = email });
        await driver.ExecuteAsync(new GrantConsent { SubjectId = subjectId, Purpose = ConsentPurpose.MarketingEmail, Basis = ConsentBasis.Express, NoticeVersion = "v1", Evidence = $"ticked by {email}" });
        await driver.ExecuteAsync(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = "req-1", Type = RightsRequestType.Delete, Channel = RequestChannel.Email });
        await driver.ExecuteAsync(new ExtendRequest { SubjectId = subjectId, RequestId = "req-1", Reason = $"waiting on {email}" });
        await driver.ExecuteAsync(new CompleteRequest { SubjectId = subjectId, RequestId = "req-1", Outcome = RequestOutcome.Denied, DenialReason = DenialReason.Unverifiable, Explanation = $"{email} did not answer" });
        await driver.WaitForProjectionsAsync();

        var surfaces = new List<string>
        {
            (await driver.GetJsonAsync("/api/reports/consents?purpose=marketing-email&limit=5000")).RootElement.GetRawText(),
            await driver.GetCsvAsync("/api/reports/consents?purpose=marketing-email&limit=5000"),
            (await driver.GetJsonAsync("/api/requests?type=delete&jurisdiction=CA&limit=5000")).RootElement.GetRawText(),
            await driver.GetCsvAsync("/api/requests?type=delete&jurisdiction=CA&limit=5000"),
        };
        await using var connection = await driver.OpenAsync();
        await Execute(connection, $"set role {AnalyticsSchema.AnalystRole}");
        foreach (var view in AnalyticsSchema.Views)
        {
            await using var command = new NpgsqlCommand($"select coalesce(string_agg(v::text, E'\\n'), '') from analytics.{view} v", connection);
            surfaces.Add((string)(await command.ExecuteScalarAsync())!);
        }

        Assert.Contains(surfaces, s => s.Contains(subjectId, StringComparison.Ordinal));
        Assert.All(surfaces, s => Assert.DoesNotContain(email, s, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Given_free_text_naming_the_subject_When_stored_and_read_without_audit_Then_no_table_holds_it_in_clear_and_only_the_audited_read_shows_it()
    {
        var subjectId = ReportsDriver.NewId("freetext-reads");
        var email = $"{subjectId}@example.org";
        await driver.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA" });
        await driver.ExecuteAsync(new GrantConsent { SubjectId = subjectId, Purpose = ConsentPurpose.MarketingEmail, Basis = ConsentBasis.Express, NoticeVersion = "v1", Evidence = $"ticked by {email}" });
        await driver.ExecuteAsync(new WithdrawConsent { SubjectId = subjectId, Purpose = ConsentPurpose.MarketingEmail, Evidence = $"{email} phoned" });
        await driver.ExecuteAsync(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = "req-1", Type = RightsRequestType.Delete, Channel = RequestChannel.Email });
        await driver.ExecuteAsync(new ExtendRequest { SubjectId = subjectId, RequestId = "req-1", Reason = $"waiting on {email}" });
        await driver.ExecuteAsync(new FailVerification { SubjectId = subjectId, RequestId = "req-1", Method = VerificationMethod.DataPoints, DataPointsMatched = 1, Reason = $"{email} did not match" });
        await driver.ExecuteAsync(new CompleteRequest { SubjectId = subjectId, RequestId = "req-1", Outcome = RequestOutcome.Denied, DenialReason = DenialReason.Unverifiable, Explanation = $"{email} did not answer" });
        await driver.WaitForProjectionsAsync();

        // Events, snapshots, request records, the consent ledger, queues: nothing holds it in any reversible form.
        Assert.Empty(await DatabaseScan.FindAsync(driver.ConnectionString, [email]));
        await using (var connection = await driver.OpenAsync())
        await using (var ledger = new NpgsqlCommand($"select count(*), count(evidence) from {ReportTables.Qualified(ReportTables.ConsentLedger)} where subject_id = $1", connection))
        {
            ledger.Parameters.AddWithValue(subjectId);
            await using var reader = await ledger.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal((2L, 0L), (reader.GetInt64(0), reader.GetInt64(1)));
        }

        foreach (var unaudited in new[] { $"/api/subjects/{subjectId}", $"/api/subjects/{subjectId}/requests", $"/api/subjects/{subjectId}/requests/req-1" })
        {
            using var json = await driver.GetJsonAsync(unaudited);
            Assert.Contains("req-1", json.RootElement.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(email, json.RootElement.GetRawText(), StringComparison.Ordinal);
        }

        using var audited = await driver.GetJsonAsync($"/api/subjects/{subjectId}/personal-data?purpose=legal-compliance");
        var request = audited.RootElement.GetProperty("requests")[0];
        var consent = audited.RootElement.GetProperty("consents")[0];
        Assert.Equal(($"waiting on {email}", $"{email} did not answer"), (request.GetProperty("extensionReason").GetString(), request.GetProperty("explanation").GetString()));
        Assert.Equal(($"ticked by {email}", $"{email} phoned"), (consent.GetProperty("evidence").GetString(), consent.GetProperty("withdrawalEvidence").GetString()));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
