using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Http;

[Collection(SiloCollection.Name)]
public sealed class SubjectsHttpTests(SiloApplicationFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Given_new_subject_When_registered_Then_profile_and_history_are_read_back_in_camel_case_and_utc()
    {
        var subjectId = Api.NewSubjectId();

        var registered = await client.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "ca", email = "Robin@Example.com", phone = "(555) 201-0000", birthDate = "1990-05-17" }).JsonAsync();

        Assert.Equal(("CA", true), (registered.GetProperty("jurisdiction").GetString(), registered.GetProperty("valuesWithheld").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, registered.GetProperty("email").ValueKind);
        Assert.EndsWith("Z", registered.GetProperty("registeredAt").GetString(), StringComparison.Ordinal);
        var profile = await client.GetAsync($"/api/subjects/{subjectId}/personal-data?purpose=customer-support").JsonAsync();
        Assert.Equal(("robin@example.com", "+15552010000"), (profile.GetProperty("email").GetString(), profile.GetProperty("phone").GetString()));
        Assert.Equal("1990-05-17", profile.GetProperty("birthDate").GetString());
        var entry = Assert.Single((await client.GetAsync($"/api/subjects/{subjectId}/history?purpose=customer-support").JsonAsync()).EnumerateArray());
        Assert.Equal("subject_registered", entry.GetProperty("type").GetString());
        Assert.Equal("CA", entry.GetProperty("event").GetProperty("jurisdiction").GetString());
    }

    [Theory]
    [InlineData("%0A")]
    [InlineData("%0D%0A")]
    public async Task Given_subject_id_with_a_trailing_line_break_When_registered_or_read_Then_400_names_subject_id_and_nothing_is_stored(string lineBreak)
    {
        var subjectId = Api.NewSubjectId();

        Assert.Equal("subjectId", await client.PutAsJsonAsync($"/api/subjects/{subjectId}{lineBreak}", new { jurisdiction = "CA" }).FieldProblemAsync());
        Assert.Equal("subjectId", await client.GetAsync($"/api/subjects/{subjectId}{lineBreak}/personal-data?purpose=customer-support").FieldProblemAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/subjects/{subjectId}/personal-data?purpose=customer-support")).StatusCode);
    }

    [Fact]
    public async Task Given_registered_subject_When_the_same_registration_is_repeated_Then_ok_and_no_second_event()
    {
        var subjectId = Api.NewSubjectId();
        var body = new { jurisdiction = "VA", email = "same@example.com" };

        await client.PutAsJsonAsync($"/api/subjects/{subjectId}", body).JsonAsync();
        await client.PutAsJsonAsync($"/api/subjects/{subjectId}", body).JsonAsync();

        Assert.Equal(1, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_registered_subject_When_registered_differently_Then_409_rule_and_nothing_appended()
    {
        var subjectId = await client.RegisterAsync();

        var rule = await client.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA", email = "other-person@example.com" })
            .RuleProblemAsync("other-person@example.com");

        Assert.Equal("subject-already-registered", rule);
        Assert.Equal(1, await client.HistoryCountAsync(subjectId));
    }

    [Theory]
    [InlineData("jurisdiction", "ZZ", null, null, null)]
    [InlineData("email", "CA", "not-an-address-robin", null, null)]
    [InlineData("phone", "CA", null, "call-robin-at-home", null)]
    [InlineData("birthDate", "CA", null, null, "17/05/1990")]
    public async Task Given_malformed_registration_Then_400_names_the_field_without_echoing_it_and_nothing_is_stored(
        string field, string jurisdiction, string? email, string? phone, string? birthDate)
    {
        var subjectId = Api.NewSubjectId();

        var named = await client.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction, email, phone, birthDate })
            .FieldProblemAsync(new[] { email, phone, birthDate }.OfType<string>().ToArray());

        Assert.Equal(field, named);
        await client.GetAsync($"/api/subjects/{subjectId}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_unknown_subject_Then_every_read_is_a_404_problem()
    {
        var subjectId = Api.NewSubjectId();

        await client.GetAsync($"/api/subjects/{subjectId}").ProblemAsync(HttpStatusCode.NotFound);
        await client.GetAsync($"/api/subjects/{subjectId}/history?purpose=legal-compliance").ProblemAsync(HttpStatusCode.NotFound);
        await client.GetAsync($"/api/subjects/{subjectId}/contactability?channel=sms").ProblemAsync(HttpStatusCode.NotFound);
        await client.GetAsync($"/api/subjects/{subjectId}/requests").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_subject_without_sms_consent_Then_contactability_denies_marketing_and_allows_service()
    {
        var subjectId = await client.RegisterAsync(phone: "(555) 201-0001");

        var marketing = await client.GetAsync($"/api/subjects/{subjectId}/contactability?channel=sms&kind=marketing").JsonAsync();
        var service = await client.GetAsync($"/api/subjects/{subjectId}/contactability?channel=sms&kind=service").JsonAsync();

        Assert.Equal((false, "no-consent"), (marketing.GetProperty("allowed").GetBoolean(), marketing.GetProperty("reason").GetString()));
        Assert.True(service.GetProperty("allowed").GetBoolean());
        Assert.Equal("channel", await client.GetAsync($"/api/subjects/{subjectId}/contactability?channel=pigeon").FieldProblemAsync());
        Assert.Equal("kind", await client.GetAsync($"/api/subjects/{subjectId}/contactability?channel=sms&kind=spam").FieldProblemAsync());
    }

    [Fact]
    public async Task Given_subject_When_residency_changes_and_account_is_deactivated_Then_profile_shows_both()
    {
        var subjectId = await client.RegisterAsync();

        Assert.Equal("jurisdiction", await client.PostJsonAsync($"/api/subjects/{subjectId}/residency", new { jurisdiction = "Atlantis" }).FieldProblemAsync());
        var moved = await client.PostJsonAsync($"/api/subjects/{subjectId}/residency", new { jurisdiction = "CAN" }).JsonAsync();
        var closed = await client.PostJsonAsync($"/api/subjects/{subjectId}/deactivation", new { reason = "request" }).JsonAsync();

        Assert.Equal("CAN", moved.GetProperty("jurisdiction").GetString());
        Assert.False(closed.GetProperty("active").GetBoolean());
        Assert.Equal(3, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task OpenApi_document_lists_the_routes()
    {
        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/subjects/{subjectId}/requests/{requestId}/appeal/decision", document, StringComparison.Ordinal);
        Assert.Contains("/api/sms/inbound", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }
}
