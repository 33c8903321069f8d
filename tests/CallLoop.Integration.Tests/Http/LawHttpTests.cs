using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Http;

/// <summary>The law table's rows and dated changes, seen through the HTTP API.</summary>
[Collection(SiloCollection.Name)]
public sealed class LawHttpTests(SiloApplicationFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    private static DateTimeOffset Time(JsonElement view, string property) =>
        DateTimeOffset.Parse(view.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("MN")]
    [InlineData("md")]
    [InlineData("NE")]
    [InlineData("RI")]
    [InlineData("NY")]
    [InlineData("GA")]
    [InlineData("PR")]
    public async Task Given_resident_of_a_newly_covered_state_When_registered_Then_registered_under_that_code(string code)
    {
        var subjectId = Api.NewSubjectId();

        var subject = await client.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = code }).JsonAsync();

        Assert.Equal(code.ToUpperInvariant(), subject.GetProperty("jurisdiction").GetString());
    }

    [Fact]
    public async Task Given_unknown_code_When_registered_Then_400_jurisdiction_and_nothing_recorded()
    {
        var subjectId = Api.NewSubjectId();

        Assert.Equal("jurisdiction", await client.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "XX" }).FieldProblemAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/api/subjects/{subjectId}")).StatusCode);
    }

    [Fact]
    public async Task Given_utah_subject_When_correction_received_on_2026_07_01_Then_recorded_and_before_refused()
    {
        var subjectId = await client.RegisterAsync("UT");
        var requests = $"/api/subjects/{subjectId}/requests";

        Assert.Equal("right-not-offered", await client.PostJsonAsync(requests, new { requestId = "c-0", type = "correct", channel = "email", receivedAt = "2026-06-30T12:00:00Z" }).RuleProblemAsync());
        var view = await client.PostJsonAsync(requests, new { requestId = "c-1", type = "correct", channel = "email", receivedAt = "2026-07-01T12:00:00Z" }).JsonAsync();

        Assert.Equal(new DateTimeOffset(2026, 8, 15, 12, 0, 0, TimeSpan.Zero), Time(view, "dueAt"));
    }

    [Fact]
    public async Task Given_new_jersey_subject_When_opt_out_received_Then_due_in_15_days()
    {
        var subjectId = await client.RegisterAsync("NJ");

        var view = await client.PostJsonAsync($"/api/subjects/{subjectId}/requests", new { requestId = "o-1", type = "opt-out-sale-sharing", channel = "web-form", receivedAt = "2026-03-02T12:00:00Z" }).JsonAsync();

        Assert.Equal(new DateTimeOffset(2026, 3, 17, 12, 0, 0, TimeSpan.Zero), Time(view, "dueAt"));
    }

    [Fact]
    public async Task Given_california_customer_When_shine_the_light_twice_in_a_year_Then_due_in_30_days_and_second_refused()
    {
        var subjectId = await client.RegisterAsync("CA");
        var requests = $"/api/subjects/{subjectId}/requests";

        var view = await client.PostJsonAsync(requests, new { requestId = "stl-1", type = "shine-the-light", channel = "email", receivedAt = "2026-02-02T12:00:00Z" }).JsonAsync();

        Assert.Equal(("shine-the-light", new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero)), (view.GetProperty("type").GetString(), Time(view, "dueAt")));
        Assert.Equal("shine-the-light-once-a-year", await client.PostJsonAsync(requests, new { requestId = "stl-2", type = "shine-the-light", channel = "email", receivedAt = "2026-05-02T12:00:00Z" }).RuleProblemAsync());
    }

    [Fact]
    public async Task Given_colorado_appeal_When_extended_and_reversed_Then_due_60_days_later_and_the_request_reopens_to_be_fulfilled()
    {
        var subjectId = await client.RegisterAsync("CO");
        var requests = $"/api/subjects/{subjectId}/requests";
        await client.PostJsonAsync(requests, new { requestId = "d-1", type = "delete", channel = "email" }).JsonAsync();
        var denied = await client.PostJsonAsync($"{requests}/d-1/completion", new { outcome = "denied", denialReason = "exempt", explanation = "Legal records." }).JsonAsync();
        Assert.Equal((true, "Colorado Attorney General"), (denied.GetProperty("appealAvailable").GetBoolean(), denied.GetProperty("complaintTo").GetString()));
        var appealed = await client.PostJsonAsync($"{requests}/d-1/appeal", new { reason = "Not all are legal records." }).JsonAsync();

        Assert.Equal("reason", await client.PostJsonAsync($"{requests}/d-1/appeal/extension", new { }).FieldProblemAsync());
        var extended = await client.PostJsonAsync($"{requests}/d-1/appeal/extension", new { reason = "Records in three systems." }).JsonAsync();
        Assert.Equal("appeal-already-extended", await client.PostJsonAsync($"{requests}/d-1/appeal/extension", new { reason = "Again." }).RuleProblemAsync());
        var reversed = await client.PostJsonAsync($"{requests}/d-1/appeal/decision", new { outcome = "reversed", explanation = "Only some records are exempt." }).JsonAsync();

        Assert.Equal((Time(appealed, "appealDueAt").AddDays(60), true), (Time(extended, "appealDueAt"), extended.GetProperty("appealExtended").GetBoolean()));
        Assert.Equal((true, false), (appealed.GetProperty("appealExtensionAvailable").GetBoolean(), extended.GetProperty("appealExtensionAvailable").GetBoolean()));
        Assert.Equal(("reopened", "denied"), (reversed.GetProperty("status").GetString(), reversed.GetProperty("firstOutcome").GetString()));
        Assert.Equal(Time(reversed, "reopenedAt").AddDays(15), Time(reversed, "dueAt"));
        await client.PostJsonAsync($"{requests}/d-1/verification", new { method = "login" }).JsonAsync();
        var fulfilled = await client.PostJsonAsync($"{requests}/d-1/completion", new { outcome = "partially-fulfilled", explanation = "Legal records kept." }).JsonAsync();
        Assert.Equal(("completed", "partially-fulfilled"), (fulfilled.GetProperty("status").GetString(), fulfilled.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Given_virginia_appeal_When_extended_Then_409_appeal_extension_not_allowed()
    {
        var subjectId = await client.RegisterAsync("VA");
        var requests = $"/api/subjects/{subjectId}/requests";
        await client.PostJsonAsync(requests, new { requestId = "d-1", type = "delete", channel = "email" }).JsonAsync();
        await client.PostJsonAsync($"{requests}/d-1/completion", new { outcome = "denied", denialReason = "exempt", explanation = "Legal records." }).JsonAsync();
        await client.PostJsonAsync($"{requests}/d-1/appeal", new { }).JsonAsync();

        Assert.Equal("appeal-extension-not-allowed", await client.PostJsonAsync($"{requests}/d-1/appeal/extension", new { reason = "Busy." }).RuleProblemAsync());
        var upheld = await client.PostJsonAsync($"{requests}/d-1/appeal/decision", new { outcome = "upheld", explanation = "Exempt." }).JsonAsync();
        Assert.Equal((false, "Virginia Attorney General"), (upheld.GetProperty("appealAvailable").GetBoolean(), upheld.GetProperty("complaintTo").GetString()));
    }

    [Fact]
    public async Task Given_canadian_denial_Then_no_appeal_and_complaint_to_the_privacy_commissioner()
    {
        var subjectId = await client.RegisterAsync("CAN");
        var requests = $"/api/subjects/{subjectId}/requests";
        await client.PostJsonAsync(requests, new { requestId = "k-1", type = "know-categories", channel = "email" }).JsonAsync();

        var denied = await client.PostJsonAsync($"{requests}/k-1/completion", new { outcome = "denied", denialReason = "unverifiable", explanation = "No match." }).JsonAsync();

        Assert.Equal((false, "Office of the Privacy Commissioner of Canada"), (denied.GetProperty("appealAvailable").GetBoolean(), denied.GetProperty("complaintTo").GetString()));
    }

    [Fact]
    public async Task Given_someone_never_registered_When_request_sent_with_jurisdiction_Then_recorded_verified_and_denied_not_a_consumer()
    {
        var subjectId = Api.NewSubjectId();
        var requests = $"/api/subjects/{subjectId}/requests";

        var received = await client.PostJsonAsync(requests, new { requestId = "n-1", type = "know-categories", channel = "email", jurisdiction = "ga" }).JsonAsync();
        await client.PostJsonAsync($"{requests}/n-1/verification", new { method = "data-points", dataPointsMatched = 2 }).JsonAsync();
        Assert.Equal("requester-not-a-subject", await client.PostJsonAsync($"{requests}/n-1/completion", new { outcome = "fulfilled" }).RuleProblemAsync());
        var denied = await client.PostJsonAsync($"{requests}/n-1/completion", new { outcome = "denied", denialReason = "not-a-consumer", explanation = "No account or data held." }).JsonAsync();

        Assert.Equal(("GA", true), (received.GetProperty("jurisdiction").GetString(), received.GetProperty("fromNonSubject").GetBoolean()));
        Assert.Equal(("denied", "not-a-consumer"), (denied.GetProperty("outcome").GetString(), denied.GetProperty("denialReason").GetString()));
        Assert.Single((await client.GetAsync(requests).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Given_opt_out_request_When_denied_unverifiable_Then_409_and_fulfilled_covers_profiling()
    {
        var subjectId = await client.RegisterAsync("VA");
        var requests = $"/api/subjects/{subjectId}/requests";
        await client.PostJsonAsync(requests, new { requestId = "o-1", type = "opt-out-sale-sharing", channel = "web-form" }).JsonAsync();

        Assert.Equal("opt-out-needs-no-verification", await client.PostJsonAsync($"{requests}/o-1/completion", new { outcome = "denied", denialReason = "unverifiable", explanation = "x" }).RuleProblemAsync());
        await client.PostJsonAsync($"{requests}/o-1/completion", new { outcome = "fulfilled" }).JsonAsync();
        var profiling = await client.PostJsonAsync($"/api/subjects/{subjectId}/collections", new { category = "K", source = "automatic", purposes = new[] { "profiling" }, data = new { segment = "x" } }).RuleProblemAsync();

        Assert.Equal("opted-out-of-profiling", profiling);
    }

    [Fact]
    public async Task Given_withdraw_consent_request_naming_analytics_When_fulfilled_Then_only_analytics_withdrawn()
    {
        var subjectId = await client.RegisterAsync("CA");
        foreach (var purpose in new[] { "analytics", "marketing-email" })
        {
            await client.PostJsonAsync($"/api/subjects/{subjectId}/consents", new { purpose, basis = "express", noticeVersion = "v1" }).JsonAsync();
        }

        var requests = $"/api/subjects/{subjectId}/requests";
        Assert.Equal("consentPurposes[0]", await client.PostJsonAsync(requests, new { requestId = "w-0", type = "withdraw-consent", channel = "email", consentPurposes = new[] { "everything" } }).FieldProblemAsync());
        var received = await client.PostJsonAsync(requests, new { requestId = "w-1", type = "withdraw-consent", channel = "email", consentPurposes = new[] { "analytics" } }).JsonAsync();
        await client.PostJsonAsync($"{requests}/w-1/completion", new { outcome = "fulfilled" }).JsonAsync();
        var profile = await client.GetAsync($"/api/subjects/{subjectId}").JsonAsync();

        Assert.Equal(["analytics"], received.GetProperty("consentPurposes").EnumerateArray().Select(p => p.GetString()));
        var consents = profile.GetProperty("consents").EnumerateArray().ToDictionary(c => c.GetProperty("purpose").GetString()!, c => c.GetProperty("granted").GetBoolean());
        Assert.Equal((false, true), (consents["analytics"], consents["marketing-email"]));
    }

    [Fact]
    public async Task Given_sale_opt_out_When_disclosed_for_direct_marketing_Then_409_and_before_it_the_field_is_accepted()
    {
        var subjectId = await client.RegisterAsync("CA");
        var disclosures = $"/api/subjects/{subjectId}/disclosures";

        await client.PostJsonAsync(disclosures, new { recipient = "Charity Mailers", recipientType = "third-party", purpose = "direct-marketing", categories = new[] { "A" }, noValuableConsideration = true }).JsonAsync();
        Assert.Equal("noValuableConsideration", await client.PostJsonAsync(disclosures, new { recipient = "Acme", recipientType = "service-provider", purpose = "business-purpose", categories = new[] { "A" }, noValuableConsideration = true }).FieldProblemAsync());
        await client.PostJsonAsync($"/api/subjects/{subjectId}/opt-outs", new { scope = "sale", method = "request" }).JsonAsync();

        Assert.Equal("opted-out-of-sale", await client.PostJsonAsync(disclosures, new { recipient = "Mailers Inc", recipientType = "third-party", purpose = "direct-marketing", categories = new[] { "A" } }).RuleProblemAsync());
    }
}
