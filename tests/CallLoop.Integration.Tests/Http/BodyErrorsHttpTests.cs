using System.Net;
using System.Text;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Http;

[Collection(SiloCollection.Name)]
public sealed class BodyErrorsHttpTests(SiloApplicationFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData("{\"category\": \"F\", ")]
    [InlineData("not json at all")]
    [InlineData("{\"category\": \"F\", \"purposes\": \"analytics\"}")]
    public async Task Given_malformed_json_Then_400_names_the_body_and_nothing_is_appended(string json)
    {
        var subjectId = await client.RegisterAsync();

        Assert.Equal("body", await client.PostRawAsync($"/api/subjects/{subjectId}/collections", json).FieldProblemAsync());
        Assert.Equal(1, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_missing_body_Then_400_names_the_body()
    {
        var subjectId = await client.RegisterAsync();

        Assert.Equal("body", await client.PostAsync($"/api/subjects/{subjectId}/opt-outs", null).FieldProblemAsync());
    }

    [Fact]
    public async Task Given_body_over_64_KiB_with_a_length_Then_413_problem_and_nothing_is_appended()
    {
        var subjectId = await client.RegisterAsync();
        var secret = "robin-secret-" + new string('x', 70 * 1024);

        var response = client.PostRawAsync($"/api/subjects/{subjectId}/collections", $"{{\"category\":\"F\",\"source\":\"direct\",\"purposes\":[\"analytics\"],\"data\":{{\"note\":\"{secret}\"}}}}");

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "robin-secret-");
        Assert.Equal(1, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_chunked_body_over_64_KiB_Then_413_problem()
    {
        var subjectId = await client.RegisterAsync();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"scope\":\"" + new string('s', 80 * 1024) + "\"}")));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/subjects/{subjectId}/opt-outs") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await client.SendAsync(request).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(1, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_body_just_under_64_KiB_Then_it_is_accepted()
    {
        var subjectId = await client.RegisterAsync();
        var evidence = new string('e', 3000);
        var padding = new string(' ', (60 * 1024) - evidence.Length);

        await client.PostRawAsync($"/api/subjects/{subjectId}/consents", $"{{\"purpose\":\"analytics\",\"noticeVersion\":\"v1\",\"evidence\":\"{evidence}\"{padding}}}").JsonAsync();
    }
}
