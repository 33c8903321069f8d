using System.Net.Http.Json;
using System.Text.Json;

namespace CallLoop.Console.Tests.Browser;

/// <summary>What the journeys need in place, written through the silo's API as its own callers would.</summary>
internal static class Arrange
{
    public static async Task RegisterAsync(HttpClient service, string subjectId, string email, string jurisdiction = "CA")
    {
        (await service.PutAsJsonAsync($"api/subjects/{subjectId}", new { jurisdiction, email, name = "Ada Example" })).EnsureSuccessStatusCode();
        (await service.PostAsJsonAsync($"api/subjects/{subjectId}/collections", new { category = "B", source = "direct", purposes = new[] { "provide-services" }, data = new { email } })).EnsureSuccessStatusCode();
    }

    public static async Task ReceiveDeleteAsync(HttpClient officer, string subjectId, string requestId) =>
        (await officer.PostAsJsonAsync($"api/subjects/{subjectId}/requests", new { requestId, type = "delete", channel = "web-form" })).EnsureSuccessStatusCode();

    /// <summary>Verifies the requester and answers with a denial (a request exempt from the right).</summary>
    public static async Task DenyAsync(HttpClient officer, string subjectId, string requestId)
    {
        (await officer.PostAsJsonAsync($"api/subjects/{subjectId}/requests/{requestId}/verification", new { method = "data-points", dataPointsMatched = 2 })).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"api/subjects/{subjectId}/requests/{requestId}/completion", new { outcome = "denied", denialReason = "exempt", explanation = "Kept under a legal obligation." })).EnsureSuccessStatusCode();
    }

    /// <summary>Waits until the work queue (a projection) lists, or no longer lists, the request as open.</summary>
    public static async Task UntilQueuedAsync(HttpClient officer, string requestId, bool open)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var queue = JsonDocument.Parse(await officer.GetStringAsync("api/requests?status=open", timeout.Token));
            var listed = queue.RootElement.GetProperty("requests").EnumerateArray().Any(r => r.GetProperty("requestId").GetString() == requestId);
            if (listed == open)
            {
                return;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reports an incident over category A discovered 40 days ago (window 60 to 45 days ago) and assesses it until it
    /// finds someone: the assessment reads the analysts' facts, which the daemon folds in shortly after a collection.
    /// </summary>
    public static async Task AssessedIncidentAsync(HttpClient officer, string incidentId, DateTimeOffset now)
    {
        (await officer.PostAsJsonAsync("api/incidents", new
        {
            incidentId,
            discoveredAt = Iso(now.AddDays(-40)),
            occurredFrom = Iso(now.AddDays(-60)),
            occurredTo = Iso(now.AddDays(-45)),
            description = "a copy of the customer table was found on a public file share.",
            categories = new[] { "A" },
            dataElements = new[] { "name", "ssn" },
            encrypted = false,
            keyCompromised = false,
            systems = new[] { "file-share" },
        })).EnsureSuccessStatusCode();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            (await officer.PostAsync($"api/incidents/{incidentId}/assessment", null, timeout.Token)).EnsureSuccessStatusCode();
            JsonElement incident;
            do
            {
                await Task.Delay(100, timeout.Token);
                incident = JsonDocument.Parse(await officer.GetStringAsync($"api/incidents/{incidentId}", timeout.Token)).RootElement;
            }
            while (incident.GetProperty("assessment").GetProperty("status").GetString() == "running");

            if (incident.GetProperty("affected").GetInt64() > 0)
            {
                return;
            }
        }
    }
}
