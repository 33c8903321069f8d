using System.Text.Json;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Support;

namespace CallLoop.Integration.Tests.Sms;

/// <summary>Steps the text-message tests share.</summary>
internal static class TextConsents
{
    /// <summary>A consent to marketing texts with the evidence the TCPA asks for.</summary>
    public static Task<JsonElement> GrantAsync(HttpClient client, string subjectId, DateTimeOffset? grantedAt = null) =>
        client.PostJsonAsync($"/api/subjects/{subjectId}/consents", new
        {
            purpose = "marketing-sms",
            basis = "express-written",
            signatureMethod = "e-sign",
            noticeVersion = "sms-terms-2025-01",
            channel = "web-form",
            evidence = "signup form #42, checkbox ticked",
            grantedAt = grantedAt?.ToString("O"),
        }).JsonAsync();

    public static async Task<JsonElement> TextAsync(HttpClient client, string from, string body, string? messageId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sms/inbound") { Content = System.Net.Http.Json.JsonContent.Create(new { from, body }) };
        if (messageId is not null)
        {
            request.Headers.Add("Idempotency-Key", messageId);
        }

        return await client.SendAsync(request).JsonAsync();
    }

    public static async Task<string> ReasonAsync(HttpClient client, string subjectId) =>
        (await client.GetAsync($"/api/subjects/{subjectId}/contactability?channel=sms&at={TestTimes.TextingHoursQuery}").JsonAsync()).GetProperty("reason").GetString()!;

    public static string[] SubjectIds(this JsonElement answer) =>
        answer.GetProperty("subjectIds").EnumerateArray().Select(e => e.GetString()!).ToArray();
}
