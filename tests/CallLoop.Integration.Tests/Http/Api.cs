using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallLoop.Integration.Tests.Http;

/// <summary>Small assertions over the HTTP API's JSON and problem details.</summary>
internal static class Api
{
    public static string NewSubjectId() => $"http-{Guid.NewGuid():N}";

    public static async Task<JsonElement> JsonAsync(this Task<HttpResponseMessage> sending, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// Asserts an RFC 7807 answer with <paramref name="status"/> and returns it. <paramref name="personalValues"/>
    /// are values the request carried that the answer must not repeat.
    /// </summary>
    public static async Task<JsonElement> ProblemAsync(this Task<HttpResponseMessage> sending, HttpStatusCode status, params string[] personalValues)
    {
        var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        foreach (var value in personalValues)
        {
            Assert.DoesNotContain(value, body, StringComparison.OrdinalIgnoreCase);
        }

        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static async Task<string> FieldProblemAsync(this Task<HttpResponseMessage> sending, params string[] personalValues) =>
        (await sending.ProblemAsync(HttpStatusCode.BadRequest, personalValues)).GetProperty("field").GetString()!;

    public static async Task<string> RuleProblemAsync(this Task<HttpResponseMessage> sending, params string[] personalValues) =>
        (await sending.ProblemAsync(HttpStatusCode.Conflict, personalValues)).GetProperty("rule").GetString()!;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static async Task<string> RegisterAsync(this HttpClient client, string jurisdiction = "CA", string? phone = null)
    {
        var subjectId = NewSubjectId();
        await client.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction, email = $"{subjectId}@example.com", phone, name = "Robin Example" })
            .JsonAsync();
        return subjectId;
    }

    public static async Task<int> HistoryCountAsync(this HttpClient client, string subjectId) =>
        (await client.GetAsync($"/api/subjects/{subjectId}/history?purpose=legal-compliance").JsonAsync()).GetArrayLength();

    public static string[] Strings(this JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToArray();
}
