using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>The access profile is projected asynchronously; reads still see every command acknowledged before them.</summary>
[Collection(ReportsCollection.Name)]
public sealed class ReadYourWritesTests(SiloApplicationFactory factory)
{
    private readonly ReportsDriver driver = new(factory);

    [Fact]
    public async Task Given_alternating_consent_commands_When_the_access_report_is_read_after_each_Then_it_always_shows_the_latest()
    {
        var subjectId = ReportsDriver.NewId("ryw");
        await driver.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA" });

        for (var round = 0; round < 8; round++)
        {
            var granting = round % 2 == 0;
            await driver.ExecuteAsync(granting
                ? new GrantConsent { SubjectId = subjectId, Purpose = ConsentPurpose.MarketingEmail, Basis = ConsentBasis.Express, NoticeVersion = $"v{round}" }
                : new WithdrawConsent { SubjectId = subjectId, Purpose = ConsentPurpose.MarketingEmail });

            using var report = await driver.GetJsonAsync($"/api/subjects/{subjectId}/access-report?all=true");
            var consent = Assert.Single(report.RootElement.GetProperty("consents").EnumerateArray());
            Assert.Equal(granting, consent.GetProperty("granted").GetBoolean());
            Assert.Equal($"v{round - (granting ? 0 : 1)}", consent.GetProperty("noticeVersion").GetString());
        }
    }
}
