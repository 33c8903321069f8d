using System.Net;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Support;

namespace CallLoop.Integration.Tests.Http;

[Collection(SiloCollection.Name)]
public sealed class CollectionConsentHttpTests(SiloApplicationFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    private static object Collection(string category = "F", string[]? purposes = null, string? collectedAt = null) => new
    {
        category,
        source = "third-party",
        sourceDetail = "marketing-partner",
        purposes = purposes ?? ["analytics", "security"],
        data = new Dictionary<string, string> { ["ip"] = "203.0.113.77" },
        collectedAt,
    };

    [Fact]
    public async Task Given_registered_subject_When_collected_Then_profile_holds_the_category_with_kebab_case_values()
    {
        var subjectId = await client.RegisterAsync();

        var profile = await client.PostJsonAsync($"/api/subjects/{subjectId}/collections", Collection(collectedAt: "2025-01-02T03:04:05Z")).JsonAsync();

        var held = profile.GetProperty("categories")[0];
        Assert.Equal("F", held.GetProperty("category").GetString());
        Assert.Equal("third-party", held.GetProperty("sources")[0].GetProperty("source").GetString());
        Assert.Equal(new[] { "analytics", "security" }, held.GetProperty("purposes").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("2025-01-02T03:04:05Z", held.GetProperty("firstCollectedAt").GetString());
    }

    [Theory]
    [InlineData("category", "Q", null, null)]
    [InlineData("purposes[1]", "F", "world-domination", null)]
    [InlineData("collectedAt", "F", null, "yesterday")]
    [InlineData("collectedAt", "F", null, "2999-01-01T00:00:00Z")]
    public async Task Given_malformed_collection_Then_400_names_the_field_and_nothing_is_appended(string field, string category, string? badPurpose, string? collectedAt)
    {
        var subjectId = await client.RegisterAsync();
        var purposes = badPurpose is null ? null : new[] { "analytics", badPurpose };

        var named = await client.PostJsonAsync($"/api/subjects/{subjectId}/collections", Collection(category, purposes, collectedAt)).FieldProblemAsync("203.0.113.77");

        Assert.Equal(field, named);
        Assert.Equal(1, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_unknown_subject_When_collected_Then_404_and_no_stream_is_created()
    {
        var subjectId = Api.NewSubjectId();

        await client.PostJsonAsync($"/api/subjects/{subjectId}/collections", Collection()).ProblemAsync(HttpStatusCode.NotFound, "203.0.113.77");

        await client.GetAsync($"/api/subjects/{subjectId}/history?purpose=legal-compliance").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_restricted_processing_When_collected_for_analytics_Then_409_names_the_rule_and_nothing_is_appended()
    {
        var subjectId = await client.RegisterAsync();
        await client.PostJsonAsync($"/api/subjects/{subjectId}/restriction", new { reason = "accuracy contested" }).JsonAsync();

        Assert.Equal("processing-restricted", await client.PostJsonAsync($"/api/subjects/{subjectId}/collections", Collection()).RuleProblemAsync("203.0.113.77"));
        Assert.Equal(2, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_sms_consent_When_withdrawn_by_route_Then_marketing_sms_is_denied_for_withdrawn_consent()
    {
        var subjectId = await client.RegisterAsync(phone: "(555) 202-0001");
        var granted = await client.PostJsonAsync($"/api/subjects/{subjectId}/consents", new { purpose = "marketing-sms", basis = "express-written", signatureMethod = "checkbox", noticeVersion = "2025-01", channel = "web-form", evidence = "checkbox" }).JsonAsync();
        Assert.True(granted.GetProperty("consents")[0].GetProperty("granted").GetBoolean());
        Assert.True((await client.GetAsync($"/api/subjects/{subjectId}/contactability?channel=sms&kind=marketing&at={TestTimes.TextingHoursQuery}").JsonAsync()).GetProperty("allowed").GetBoolean());

        await client.PostJsonAsync($"/api/subjects/{subjectId}/consents/marketing-sms/withdrawal", new { channel = "sms" }).JsonAsync();

        var decision = await client.GetAsync($"/api/subjects/{subjectId}/contactability?channel=sms&kind=marketing").JsonAsync();
        Assert.Equal("consent-withdrawn", decision.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Given_consent_errors_Then_400_names_purpose_or_basis_and_409_names_the_rule()
    {
        var subjectId = await client.RegisterAsync();

        Assert.Equal("purpose", await client.PostJsonAsync($"/api/subjects/{subjectId}/consents", new { purpose = "mind-reading", noticeVersion = "v1" }).FieldProblemAsync());
        Assert.Equal("basis", await client.PostJsonAsync($"/api/subjects/{subjectId}/consents", new { purpose = "analytics", basis = "assumed", noticeVersion = "v1" }).FieldProblemAsync());
        Assert.Equal("noticeVersion", await client.PostJsonAsync($"/api/subjects/{subjectId}/consents", new { purpose = "analytics" }).FieldProblemAsync());
        Assert.Equal("purpose", await client.PostJsonAsync($"/api/subjects/{subjectId}/consents/mind-reading/withdrawal", new { }).FieldProblemAsync());
        Assert.Equal("express-consent-required", await client.PostJsonAsync($"/api/subjects/{subjectId}/consents", new { purpose = "sensitive-processing", basis = "implied", noticeVersion = "v1" }).RuleProblemAsync());
        Assert.Equal(1, await client.HistoryCountAsync(subjectId));
    }
}
