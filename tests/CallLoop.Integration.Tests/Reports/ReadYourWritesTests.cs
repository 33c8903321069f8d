using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>Per-subject answers come from the subject's grain: every command acknowledged before a read is in it, with no wait.</summary>
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

    [Fact]
    public async Task Given_a_collection_and_a_disclosure_just_acknowledged_When_export_and_shine_the_light_are_read_at_once_Then_both_are_in_them()
    {
        var subjectId = ReportsDriver.NewId("ryw-now");
        await driver.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA" });
        using (var before = await driver.GetJsonAsync($"/api/subjects/{subjectId}/export"))
        {
            Assert.Empty(before.RootElement.GetProperty("collections").EnumerateArray());
        }

        await driver.ExecuteAsync(new CollectPersonalInformation
        {
            SubjectId = subjectId,
            Category = PersonalInformationCategory.CommercialInformation,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.Marketing],
            Data = new Dictionary<string, string> { ["lastOrder"] = "A-1" },
        });
        await driver.ExecuteAsync(new DiscloseInformation
        {
            SubjectId = subjectId,
            Recipient = "Mailers Now",
            RecipientType = RecipientType.ThirdParty,
            Purpose = DisclosurePurpose.DirectMarketing,
            Categories = [PersonalInformationCategory.CommercialInformation],
        });

        using var export = await driver.GetJsonAsync($"/api/subjects/{subjectId}/export");
        var collection = Assert.Single(export.RootElement.GetProperty("collections").EnumerateArray());
        Assert.Equal(["lastOrder"], collection.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        using var shineTheLight = await driver.GetJsonAsync($"/api/subjects/{subjectId}/shine-the-light?year={DateTimeOffset.UtcNow.Year}");
        var recipient = Assert.Single(shineTheLight.RootElement.GetProperty("recipients").EnumerateArray());
        Assert.Equal("Mailers Now", recipient.GetProperty("name").GetString());
    }
}
