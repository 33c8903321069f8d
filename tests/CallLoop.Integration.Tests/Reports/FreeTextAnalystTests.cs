using CallLoop.Domain;
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

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
