using System.Net;
using System.Text.Json;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Http;

/// <summary>/openapi/v1.json lists every answer a client must handle, and Development serves a reference to try it.</summary>
[Collection(SiloCollection.Name)]
public sealed class OpenApiDocumentTests(SiloApplicationFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Every_api_operation_lists_its_success_and_the_problems_every_route_can_answer()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        var operations = 0;
        foreach (var path in paths.EnumerateObject().Where(p => p.Name.StartsWith("/api", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses");
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{where} lists no success");
                foreach (var status in (string[])["400", "401", "403", "429", "503"])
                {
                    Assert.True(IsProblem(responses, status), $"{where} does not list a {status} problem");
                }

                if (path.Name.Contains('{', StringComparison.Ordinal))
                {
                    Assert.True(IsProblem(responses, "404"), $"{where} does not list a 404 problem");
                }

                if (operation.Name is "post" or "put")
                {
                    Assert.True(IsProblem(responses, "409"), $"{where} does not list a 409 problem");
                }

                operations++;
            }
        }

        Assert.True(operations > 50, $"only {operations} operations documented");
    }

    [Theory]
    [InlineData("/api/processors", "post", "201")]
    [InlineData("/api/processors", "get", "200")]
    [InlineData("/api/processors/{processorId}", "get", "200")]
    [InlineData("/api/processors/{processorId}", "delete", "204")]
    [InlineData("/api/processors/{processorId}/acknowledgements", "post", "200")]
    [InlineData("/api/recipients/{name}", "get", "200")]
    [InlineData("/api/projections", "get", "200")]
    [InlineData("/api/projections/{name}/rebuild", "post", "200")]
    [InlineData("/api/requests", "get", "200")]
    [InlineData("/api/reports/states/{state}", "get", "200")]
    [InlineData("/api/reports/request-metrics", "get", "200")]
    [InlineData("/api/reports/consents", "get", "200")]
    [InlineData("/api/subjects/{subjectId}/access-report", "get", "200")]
    [InlineData("/api/subjects/{subjectId}/shine-the-light", "get", "200")]
    public async Task Endpoints_that_used_to_return_untyped_results_document_their_json_answer(string path, string method, string status)
    {
        var responses = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

        var success = responses.GetProperty(status);
        if (status != "204")
        {
            Assert.True(success.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out _), $"{method} {path} {status}: {success}");
        }
    }

    [Fact]
    public async Task Given_development_When_the_api_reference_is_opened_Then_it_answers_a_page()
    {
        var response = await client.GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    private static bool IsProblem(JsonElement responses, string status) =>
        responses.TryGetProperty(status, out var response)
        && response.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/problem+json", out _);

    private async Task<JsonElement> DocumentAsync() =>
        await client.GetAsync("/openapi/v1.json").JsonAsync();
}
