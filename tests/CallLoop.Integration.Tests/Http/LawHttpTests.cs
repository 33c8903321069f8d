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
}
