using System.Net;
using System.Net.Http.Json;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Faults;

[Collection(OutageCollection.Name)]
public sealed class DatabaseOutageTests(OutageSiloFactory factory)
{
    [Fact]
    public async Task Given_PostgreSQL_stopped_under_load_When_commands_arrive_Then_503_then_recovery_with_nothing_acknowledged_lost()
    {
        var client = factory.CreateClient();
        var before = Enumerable.Range(0, 5).Select(i => $"outage-before-{i}-{Guid.NewGuid():N}").ToList();
        foreach (var subjectId in before)
        {
            // Another test of the collection may have restarted the server just before: each of the silo's pools
            // finds its stale connections broken on their first use after it (a 503), and is whole again after that.
            (await RetryUntilAcceptedAsync(() => RegisterAsync(client, subjectId, key: subjectId))).EnsureSuccessStatusCode();
        }

        factory.Database.RunScript("stop");
        var duringId = $"outage-during-{Guid.NewGuid():N}";
        HttpResponseMessage during;
        try
        {
            during = await RegisterAsync(client, duringId, key: "retry-me");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(during.Headers.RetryAfter);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        }
        finally
        {
            factory.Database.RunScript("start");
        }

        // The service recovers by itself: the same command, retried with the same key, lands exactly once.
        var recovered = await RetryUntilAcceptedAsync(() => RegisterAsync(client, duringId, key: "retry-me"));
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        (await RegisterAsync(client, duringId, key: "retry-me")).EnsureSuccessStatusCode();

        Assert.Single(await HistoryAsync(client, duringId));
        foreach (var subjectId in before)
        {
            Assert.Single(await HistoryAsync(client, subjectId));
        }
    }

    /// <summary>
    /// The subject's history, read as a client honouring Retry-After would: the read appends its audit record through
    /// a group-commit lane, and a lane whose connection went stale with the restart answers 503 once, like any pool.
    /// </summary>
    private static async Task<List<HistoryEntry>> HistoryAsync(HttpClient client, string subjectId)
    {
        var response = await RetryUntilAcceptedAsync(() => client.GetAsync($"/api/subjects/{subjectId}/history?purpose=legal-compliance"));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<List<HistoryEntry>>())!;
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string subjectId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/subjects/{subjectId}")
        {
            Content = JsonContent.Create(new { jurisdiction = "CO" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> RetryUntilAcceptedAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var deadline = new CancellationTokenSource(Patience.Long);
        while (true)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || deadline.IsCancellationRequested)
            {
                return response;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private sealed record HistoryEntry(long Version, string Type);
}
