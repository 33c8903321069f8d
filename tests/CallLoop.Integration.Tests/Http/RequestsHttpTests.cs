using System.Globalization;
using System.Net;
using System.Text.Json;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Http;

[Collection(SiloCollection.Name)]
public sealed class RequestsHttpTests(SiloApplicationFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    private static DateTimeOffset Time(JsonElement view, string property) =>
        DateTimeOffset.Parse(view.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Given_california_know_request_Then_the_view_carries_deadlines_from_the_jurisdiction_table()
    {
        var subjectId = await client.RegisterAsync("CA");

        // Monday 3 March 2025: 45 calendar days to answer, receipt confirmed within 10 business days.
        var view = await client.PostJsonAsync($"/api/subjects/{subjectId}/requests", new { requestId = "know-1", type = "know-categories", receivedAt = "2025-03-03T12:00:00Z", channel = "web-form" }).JsonAsync();

        Assert.Equal(("know-1", "know-categories", "received", "CA"), (view.GetProperty("requestId").GetString(), view.GetProperty("type").GetString(), view.GetProperty("status").GetString(), view.GetProperty("jurisdiction").GetString()));
        Assert.Equal("2025-03-03T12:00:00Z", view.GetProperty("receivedAt").GetString());
        Assert.Equal(new DateTimeOffset(2025, 4, 17, 12, 0, 0, TimeSpan.Zero), Time(view, "dueAt"));
        Assert.Equal(new DateTimeOffset(2025, 3, 17, 11, 0, 0, TimeSpan.Zero), Time(view, "confirmationDueAt")); // business days in New York (summer time from 9 March)
        Assert.Equal(JsonValueKind.Null, view.GetProperty("appealDueAt").ValueKind);
    }

    [Theory]
    [InlineData("requestId", null, "delete", "web-form", null)]
    [InlineData("type", "r-1", "delete-everything", "web-form", null)]
    [InlineData("channel", "r-1", "delete", "carrier-pigeon", null)]
    [InlineData("receivedAt", "r-1", "delete", "email", "03/03/2025")]
    [InlineData("receivedAt", "r-1", "delete", "email", "2999-03-03T00:00:00Z")]
    public async Task Given_malformed_request_Then_400_names_the_field_and_nothing_is_appended(string field, string? requestId, string type, string channel, string? receivedAt)
    {
        var subjectId = await client.RegisterAsync();

        Assert.Equal(field, await client.PostJsonAsync($"/api/subjects/{subjectId}/requests", new { requestId, type, channel, receivedAt }).FieldProblemAsync());
        Assert.Equal(1, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_agent_request_without_proof_Then_400_names_the_proof_field()
    {
        var subjectId = await client.RegisterAsync();

        var field = await client.PostJsonAsync($"/api/subjects/{subjectId}/requests", new { requestId = "agent-1", type = "delete", channel = "email", agent = new { name = "Agent Smith" } })
            .FieldProblemAsync("Agent Smith");

        Assert.Equal("agent.proofOfAuthorization", field);
    }

    [Fact]
    public async Task Given_delete_request_When_verified_extended_and_completed_Then_each_step_answers_with_the_current_view()
    {
        var subjectId = await client.RegisterAsync("VA");
        var requests = $"/api/subjects/{subjectId}/requests";
        var received = await client.PostJsonAsync(requests, new { requestId = "del-1", type = "delete", channel = "email" }).JsonAsync();

        Assert.Equal("request-not-verified", await client.PostJsonAsync($"{requests}/del-1/completion", new { outcome = "fulfilled" }).RuleProblemAsync());
        Assert.Equal("verification-insufficient", await client.PostJsonAsync($"{requests}/del-1/verification", new { method = "data-points", dataPointsMatched = 1 }).RuleProblemAsync());
        var verified = await client.PostJsonAsync($"{requests}/del-1/verification", new { method = "data-points", dataPointsMatched = 2 }).JsonAsync();
        var extended = await client.PostJsonAsync($"{requests}/del-1/extension", new { reason = "Archives span several systems." }).JsonAsync();
        Assert.Equal("request-already-extended", await client.PostJsonAsync($"{requests}/del-1/extension", new { reason = "Again." }).RuleProblemAsync());
        var completed = await client.PostJsonAsync($"{requests}/del-1/completion", new { outcome = "fulfilled" }).JsonAsync();

        Assert.Equal("verified", verified.GetProperty("status").GetString());
        Assert.Equal(("extended", Time(received, "dueAt").AddDays(45)), (extended.GetProperty("status").GetString(), Time(extended, "dueAt")));
        Assert.Equal(("completed", "fulfilled"), (completed.GetProperty("status").GetString(), completed.GetProperty("outcome").GetString()));
        Assert.NotEqual(JsonValueKind.Null, (await client.GetAsync($"/api/subjects/{subjectId}").JsonAsync()).GetProperty("erasureStartedAt").ValueKind);
        Assert.Equal(7, await client.HistoryCountAsync(subjectId)); // ... erasure_started, personal_data_erased
    }

    [Fact]
    public async Task Given_denied_request_in_virginia_When_appealed_and_decided_Then_appeal_due_and_complaint_authority_are_shown()
    {
        var subjectId = await client.RegisterAsync("VA");
        var requests = $"/api/subjects/{subjectId}/requests";
        await client.PostJsonAsync(requests, new { requestId = "spec-1", type = "know-specific", channel = "web-form" }).JsonAsync();

        Assert.Equal("request-not-completed", await client.PostJsonAsync($"{requests}/spec-1/appeal", new { }).RuleProblemAsync());
        var failed = await client.PostJsonAsync($"{requests}/spec-1/verification", new { result = "failed", method = "data-points", dataPointsMatched = 1, reason = "Details did not match." }).JsonAsync();
        Assert.Equal("verification-failed", failed.GetProperty("status").GetString());
        Assert.Equal("denialReason", await client.PostJsonAsync($"{requests}/spec-1/completion", new { outcome = "denied", denialReason = "because", explanation = "x" }).FieldProblemAsync());
        await client.PostJsonAsync($"{requests}/spec-1/completion", new { outcome = "denied", denialReason = "unverifiable", explanation = "We could not verify you." }).JsonAsync();
        var appealed = await client.PostJsonAsync($"{requests}/spec-1/appeal", new { reason = "I sent my ID.", filedAt = "2025-06-02T09:00:00Z" }).JsonAsync();
        Assert.Equal("outcome", await client.PostJsonAsync($"{requests}/spec-1/appeal/decision", new { outcome = "maybe", explanation = "x" }).FieldProblemAsync());
        var decided = await client.PostJsonAsync($"{requests}/spec-1/appeal/decision", new { outcome = "upheld", explanation = "Still unverifiable." }).JsonAsync();

        Assert.Equal(("appealed", new DateTimeOffset(2025, 8, 1, 9, 0, 0, TimeSpan.Zero)), (appealed.GetProperty("status").GetString(), Time(appealed, "appealDueAt")));
        Assert.Equal(("appeal-decided", "Virginia Attorney General"), (decided.GetProperty("status").GetString(), decided.GetProperty("complaintTo").GetString()));
        Assert.Equal(6, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_california_denial_When_appealed_Then_409_no_appeal_right()
    {
        var subjectId = await client.RegisterAsync("CA");
        var requests = $"/api/subjects/{subjectId}/requests";
        await client.PostJsonAsync(requests, new { requestId = "d-1", type = "delete", channel = "email" }).JsonAsync();
        await client.PostJsonAsync($"{requests}/d-1/completion", new { outcome = "denied", denialReason = "exempt", explanation = "Legal records." }).JsonAsync();

        Assert.Equal("no-appeal-right", await client.PostJsonAsync($"{requests}/d-1/appeal", new { }).RuleProblemAsync());
        Assert.Equal(3, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_open_and_closed_requests_Then_status_open_lists_only_the_open_ones_and_lookups_404_for_unknown_ids()
    {
        var subjectId = await client.RegisterAsync("CA");
        var requests = $"/api/subjects/{subjectId}/requests";
        await client.PostJsonAsync(requests, new { requestId = "open-1", type = "delete", channel = "email" }).JsonAsync();
        await client.PostJsonAsync(requests, new { requestId = "done-1", type = "opt-out-sale-sharing", channel = "web-form" }).JsonAsync();
        var done = await client.PostJsonAsync($"{requests}/done-1/completion", new { outcome = "fulfilled" }).JsonAsync();
        Assert.Equal("completed", done.GetProperty("status").GetString());

        Assert.Equal(new[] { "open-1" }, (await client.GetAsync($"{requests}?status=open").JsonAsync()).Strings("requestId"));
        Assert.Equal(new[] { "done-1" }, (await client.GetAsync($"{requests}?status=completed").JsonAsync()).Strings("requestId"));
        Assert.Equal(2, (await client.GetAsync(requests).JsonAsync()).GetArrayLength());
        Assert.Equal("status", await client.GetAsync($"{requests}?status=lost").FieldProblemAsync());
        Assert.Equal("open-1", (await client.GetAsync($"{requests}/open-1").JsonAsync()).GetProperty("requestId").GetString());
        await client.GetAsync($"{requests}/nope").ProblemAsync(HttpStatusCode.NotFound);
        await client.PostJsonAsync($"{requests}/nope/extension", new { reason = "busy" }).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("jurisdiction", await client.PostJsonAsync($"/api/subjects/{Api.NewSubjectId()}/requests", new { requestId = "x", type = "delete", channel = "email" }).FieldProblemAsync());
        await client.PostJsonAsync($"/api/subjects/{Api.NewSubjectId()}/requests/x/completion", new { outcome = "fulfilled" }).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_request_When_receipt_is_confirmed_twice_Then_one_event()
    {
        var subjectId = await client.RegisterAsync("CA");
        var requests = $"/api/subjects/{subjectId}/requests";
        await client.PostJsonAsync(requests, new { requestId = "c-1", type = "correct", channel = "phone" }).JsonAsync();

        var first = await client.PostJsonAsync($"{requests}/c-1/receipt-confirmation", new { }).JsonAsync();
        await client.PostJsonAsync($"{requests}/c-1/receipt-confirmation", new { }).JsonAsync();

        Assert.NotEqual(JsonValueKind.Null, first.GetProperty("receiptConfirmedAt").ValueKind);
        Assert.Equal(3, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_steps_by_two_officers_Then_the_timeline_and_the_history_say_who_did_each_and_analysts_are_refused_it()
    {
        var subjectId = await client.RegisterAsync("CA");
        var requests = $"/api/subjects/{subjectId}/requests";
        var first = factory.CreateClientAs("officer-ana", "privacy-officer");
        var second = factory.CreateClientAs("officer-ben", "privacy-officer");
        await first.PostJsonAsync(requests, new { requestId = "who-1", type = "know-categories", channel = "web-form" }).JsonAsync();
        await first.PostJsonAsync($"{requests}/who-1/receipt-confirmation", new { }).JsonAsync();
        await second.PostJsonAsync($"{requests}/who-1/extension", new { reason = "Records span several systems." }).JsonAsync();

        var timeline = await second.GetAsync($"{requests}/who-1/timeline").JsonAsync();

        Assert.Equal(
            new (string?, string?)[] { ("rights_request_received", "officer-ana"), ("rights_request_receipt_confirmed", "officer-ana"), ("rights_request_extended", "officer-ben") },
            timeline.EnumerateArray().Select(s => (s.GetProperty("type").GetString(), s.GetProperty("actor").GetString())).ToArray());
        Assert.All(timeline.EnumerateArray(), s => Assert.NotEqual(JsonValueKind.Null, s.GetProperty("recordedAt").ValueKind));
        var history = await second.GetAsync($"/api/subjects/{subjectId}/history?purpose=legal-compliance").JsonAsync();
        Assert.Equal(
            new[] { "test-suite", "officer-ana", "officer-ana", "officer-ben" },
            history.EnumerateArray().Select(e => e.GetProperty("actor").GetString()).ToArray());
        await factory.CreateClientAs("analyst-cy", "analyst").GetAsync($"{requests}/who-1/timeline").ProblemAsync(HttpStatusCode.Forbidden);
        await second.GetAsync($"{requests}/nope/timeline").ProblemAsync(HttpStatusCode.NotFound);
    }
}
