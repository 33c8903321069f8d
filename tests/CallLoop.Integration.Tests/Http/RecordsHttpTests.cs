using System.Net;
using System.Text.Json;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Support;

namespace CallLoop.Integration.Tests.Http;

/// <summary>Disclosures, corrections, restriction, legal holds and minors.</summary>
[Collection(SiloCollection.Name)]
public sealed class RecordsHttpTests(SiloApplicationFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Given_opted_out_of_sale_When_sale_disclosure_Then_409_while_a_service_provider_disclosure_is_recorded()
    {
        var subjectId = await client.RegisterAsync();
        var disclosures = $"/api/subjects/{subjectId}/disclosures";
        await client.PostJsonAsync($"/api/subjects/{subjectId}/opt-outs", new { scope = "sale", method = "request" }).JsonAsync();

        Assert.Equal("opted-out-of-sale", await client.PostJsonAsync(disclosures, new { recipient = "Data Broker Inc", recipientType = "third-party", purpose = "sale", categories = new[] { "A" } }).RuleProblemAsync());
        Assert.Equal("recipientType", await client.PostJsonAsync(disclosures, new { recipient = "X", recipientType = "friend", purpose = "business-purpose", categories = new[] { "A" } }).FieldProblemAsync());
        Assert.Equal("categories[0]", await client.PostJsonAsync(disclosures, new { recipient = "X", recipientType = "contractor", purpose = "business-purpose", categories = new[] { "Z" } }).FieldProblemAsync());
        Assert.Equal("disclosedAt", await client.PostJsonAsync(disclosures, new { recipient = "X", recipientType = "contractor", purpose = "business-purpose", categories = new[] { "A" }, disclosedAt = "soon" }).FieldProblemAsync());
        var profile = await client.PostJsonAsync(disclosures, new { disclosureId = "d-1", recipient = "Mail House", recipientType = "service-provider", purpose = "business-purpose", categories = new[] { "A", "D" } }).JsonAsync();

        var disclosure = Assert.Single(profile.GetProperty("disclosures").EnumerateArray());
        Assert.Equal(("service-provider", "business-purpose"), (disclosure.GetProperty("recipientType").GetString(), disclosure.GetProperty("purpose").GetString()));
        Assert.Equal(3, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_phone_corrected_over_http_Then_texts_from_the_new_number_reach_the_subject()
    {
        var (old, corrected) = (TestPhones.Next(), TestPhones.Next());
        var subjectId = await client.RegisterAsync(phone: old.Typed);
        var corrections = $"/api/subjects/{subjectId}/corrections";

        Assert.Equal("newValue", await client.PostJsonAsync(corrections, new { category = "A", field = "phone", newValue = "robin's mobile" }).FieldProblemAsync("robin's mobile"));
        Assert.Equal("category-not-held", await client.PostJsonAsync(corrections, new { category = "G", field = "city", newValue = "Springfield" }).RuleProblemAsync("Springfield"));
        await client.PostJsonAsync(corrections, new { category = "A", field = "phone", newValue = corrected.Typed }).JsonAsync();

        var sms = await client.PostJsonAsync("/api/sms/inbound", new { from = corrected.Canonical, body = "STOP" }).JsonAsync();
        Assert.Equal([subjectId], sms.GetProperty("subjectIds").EnumerateArray().Select(e => e.GetString()));
        var oldNumber = await client.PostJsonAsync("/api/sms/inbound", new { from = old.Canonical, body = "STOP" }).JsonAsync();
        Assert.Equal(0, oldNumber.GetProperty("subjectIds").GetArrayLength());
    }

    [Fact]
    public async Task Given_restriction_When_lifted_Then_profile_follows_and_bodies_are_optional()
    {
        var subjectId = await client.RegisterAsync();

        var restricted = await client.PostAsync($"/api/subjects/{subjectId}/restriction", null).JsonAsync();
        Assert.True(restricted.GetProperty("processingRestricted").GetBoolean());
        Assert.Equal("requestId", await client.PostJsonAsync($"/api/subjects/{subjectId}/restriction", new { requestId = "bad id!" }).FieldProblemAsync());
        var lifted = await client.PostJsonAsync($"/api/subjects/{subjectId}/restriction/lift", new { reason = "accuracy confirmed" }).JsonAsync();

        Assert.False(lifted.GetProperty("processingRestricted").GetBoolean());
        Assert.Equal(3, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_legal_hold_When_placed_and_released_Then_profile_follows_and_unknown_holds_are_refused()
    {
        var subjectId = await client.RegisterAsync();
        var holds = $"/api/subjects/{subjectId}/legal-holds";

        Assert.Equal("categories[1]", await client.PostJsonAsync(holds, new { holdId = "h-1", categories = new[] { "A", "Q" }, reason = "litigation" }).FieldProblemAsync());
        Assert.Equal("holdId", await client.PostJsonAsync(holds, new { categories = new[] { "A" }, reason = "litigation" }).FieldProblemAsync());
        var placed = await client.PostJsonAsync(holds, new { holdId = "h-1", categories = new[] { "A", "D" }, reason = "litigation" }).JsonAsync();
        Assert.Equal("h-1", placed.GetProperty("legalHolds")[0].GetProperty("holdId").GetString());
        Assert.Equal("legal-hold-not-found", await client.PostJsonAsync($"{holds}/h-2/release", new { }).RuleProblemAsync());
        var released = await client.PostAsync($"{holds}/h-1/release", null).JsonAsync();

        Assert.Equal(0, released.GetProperty("legalHolds").GetArrayLength());
        Assert.Equal(3, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_minor_detected_Then_account_is_deactivated_erasure_starts_and_collection_is_refused()
    {
        var subjectId = await client.RegisterAsync();

        Assert.Equal("birthDate", await client.PostJsonAsync($"/api/subjects/{subjectId}/minor", new { birthDate = "last spring" }).FieldProblemAsync("last spring"));
        var profile = await client.PostJsonAsync($"/api/subjects/{subjectId}/minor", new { evidence = "support-ticket" }).JsonAsync();

        Assert.Equal((true, false, "minor"), (profile.GetProperty("isMinor").GetBoolean(), profile.GetProperty("active").GetBoolean(), profile.GetProperty("erasureReason").GetString()));
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("email").ValueKind);
        var collection = new { category = "F", source = "automatic", purposes = new[] { "analytics" }, data = new { ip = "198.51.100.4" } };
        Assert.Equal("minor", await client.PostJsonAsync($"/api/subjects/{subjectId}/collections", collection).RuleProblemAsync("198.51.100.4"));
        Assert.Equal(5, await client.HistoryCountAsync(subjectId)); // ... erasure_started, personal_data_erased
    }
}
