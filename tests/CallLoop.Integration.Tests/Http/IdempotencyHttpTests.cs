using System.Net;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Http;

[Collection(SiloCollection.Name)]
public sealed class IdempotencyHttpTests(SiloApplicationFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Given_a_key_used_by_a_consent_When_an_opt_out_or_another_consent_reuses_it_Then_422_idempotency_key_reused_and_nothing_appended()
    {
        var subjectId = await client.RegisterAsync();
        var key = $"key-{Guid.NewGuid():N}";
        var consent = new { purpose = "analytics", noticeVersion = "v1", evidence = "checkbox" };
        await SendAsync($"/api/subjects/{subjectId}/consents", consent, key).JsonAsync();
        await SendAsync($"/api/subjects/{subjectId}/consents", consent, key).JsonAsync();
        var stored = await client.HistoryCountAsync(subjectId);

        var otherCommand = await SendAsync($"/api/subjects/{subjectId}/opt-outs", new { scope = "sale", method = "request" }, key)
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var otherPayload = await SendAsync($"/api/subjects/{subjectId}/consents", new { purpose = "marketing-email", noticeVersion = "v1", evidence = "checkbox" }, key)
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("idempotency-key-reused", otherCommand.GetProperty("rule").GetString());
        Assert.Equal("idempotency-key-reused", otherPayload.GetProperty("rule").GetString());
        Assert.Equal(stored, await client.HistoryCountAsync(subjectId));
    }

    private Task<HttpResponseMessage> SendAsync(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
