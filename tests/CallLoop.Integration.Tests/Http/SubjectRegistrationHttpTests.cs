using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Http;

[Collection(SiloCollection.Name)]
public sealed class SubjectRegistrationHttpTests(SiloApplicationFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Given_new_subject_When_registered_over_http_Then_profile_and_history_are_read_back()
    {
        var subjectId = $"http-{Guid.NewGuid():N}";

        var put = await client.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var profile = await ReadJsonAsync(await client.GetAsync($"/api/subjects/{subjectId}"), HttpStatusCode.OK);
        Assert.Equal(subjectId, profile.RootElement.GetProperty("subjectId").GetString());
        Assert.Equal("CA", profile.RootElement.GetProperty("jurisdiction").GetString());

        using var history = await ReadJsonAsync(await client.GetAsync($"/api/subjects/{subjectId}/history"), HttpStatusCode.OK);
        var entry = Assert.Single(history.RootElement.EnumerateArray());
        Assert.Equal("subject_registered", entry.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Given_unknown_jurisdiction_When_registering_Then_400_problem_names_the_field_and_nothing_is_stored()
    {
        var subjectId = $"http-{Guid.NewGuid():N}";

        using var problem = await ReadJsonAsync(
            await client.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "ZZ" }),
            HttpStatusCode.BadRequest);

        Assert.Equal("jurisdiction", problem.RootElement.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/subjects/{subjectId}")).StatusCode);
    }

    [Fact]
    public async Task Given_unknown_subject_When_read_Then_404_problem_details()
    {
        var response = await client.GetAsync($"/api/subjects/http-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_subject_routes()
    {
        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/subjects/{subjectId}", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body);
    }
}
