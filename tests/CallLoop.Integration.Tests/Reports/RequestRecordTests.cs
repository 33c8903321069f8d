using System.Text.Json;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Reports;

[Collection(ReportsCollection.Name)]
public sealed class RequestRecordTests(SiloApplicationFactory factory)
{
    private readonly ReportsDriver driver = new(factory);

    [Fact]
    public async Task Given_requests_through_grains_When_queue_is_read_Then_open_overdue_and_closed_are_told_apart()
    {
        var subjectId = ReportsDriver.NewId("queue");
        var now = DateTimeOffset.UtcNow;
        await driver.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CO" });
        await driver.ExecuteAsync(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = "late", Type = RightsRequestType.Delete, Channel = RequestChannel.Email, ReceivedAt = now.AddDays(-60) });
        await driver.ExecuteAsync(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = "fresh", Type = RightsRequestType.KnowCategories, Channel = RequestChannel.WebForm, ReceivedAt = now.AddDays(-1) });
        await driver.ExecuteAsync(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = "done", Type = RightsRequestType.Delete, Channel = RequestChannel.Phone, ReceivedAt = now.AddDays(-10) });
        await driver.ExecuteAsync(new CompleteRequest { SubjectId = subjectId, RequestId = "done", Outcome = RequestOutcome.Denied, DenialReason = DenialReason.Unverifiable, Explanation = "could not verify" });
        await driver.WaitForProjectionsAsync();

        Assert.Equal(["late"], await RequestIdsAsync($"/api/requests?status=overdue&jurisdiction=CO", subjectId));
        Assert.Equal(["late", "fresh"], await RequestIdsAsync("/api/requests?status=open&jurisdiction=co", subjectId));
        Assert.Equal(["done"], await RequestIdsAsync("/api/requests?status=closed&type=delete&jurisdiction=CO", subjectId));
        Assert.Equal(["fresh"], await RequestIdsAsync("/api/requests?type=know-categories&jurisdiction=CO", subjectId));
        Assert.Equal(["late"], await RequestIdsAsync($"/api/requests?status=open&jurisdiction=CO&dueBefore={Uri.EscapeDataString(now.AddDays(1).ToString("O"))}", subjectId));

        // asOf in the past: the late request was not yet overdue then.
        Assert.Empty(await RequestIdsAsync($"/api/requests?status=overdue&jurisdiction=CO&asOf={Uri.EscapeDataString(now.AddDays(-40).ToString("O"))}", subjectId));

        // Counts come from the database over every match, whatever the page. Other tests' CO requests count too, so
        // they are compared with the whole queue read at the same instant; one more request is due within 5 days.
        var soon = ReportsDriver.NewId("queue-soon");
        await driver.ExecuteAsync(new RegisterSubject { SubjectId = soon, Jurisdiction = "CO" });
        await driver.ExecuteAsync(new ReceiveRightsRequest { SubjectId = soon, RequestId = "soon", Type = RightsRequestType.Delete, Channel = RequestChannel.Email, ReceivedAt = now.AddDays(-42) });
        await driver.WaitForProjectionsAsync();
        var asOf = Uri.EscapeDataString(now.ToString("O"));
        using var counts = await driver.GetJsonAsync($"/api/requests/counts?status=any&jurisdiction=CO&asOf={asOf}");
        using var everything = await driver.GetJsonAsync($"/api/requests?status=any&jurisdiction=CO&limit=5000&asOf={asOf}");
        var listed = everything.RootElement.GetProperty("requests").EnumerateArray().ToList();
        Assert.Equal(listed.Count, counts.RootElement.GetProperty("total").GetInt64());
        var byStatus = counts.RootElement.GetProperty("byStatus").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(listed.GroupBy(r => r.GetProperty("status").GetString()!).ToDictionary(g => g.Key, g => (long)g.Count()), byStatus);
        var open = listed.Where(r => r.GetProperty("isOpen").GetBoolean()).Select(r => r.GetProperty("currentDueAt").GetDateTimeOffset()).ToList();
        Assert.Equal(open.Count(due => due < now), counts.RootElement.GetProperty("overdue").GetInt64());
        Assert.Equal(open.Count(due => due >= now && due <= now.AddDays(5)), counts.RootElement.GetProperty("dueSoon").GetInt64());
        Assert.True(counts.RootElement.GetProperty("overdue").GetInt64() >= 1 && counts.RootElement.GetProperty("dueSoon").GetInt64() >= 1);
        Assert.Equal(5, counts.RootElement.GetProperty("dueSoonDays").GetInt32());

        // The filter narrows the counts like the queue: only the closed delete requests.
        using var closedCounts = await driver.GetJsonAsync($"/api/requests/counts?status=closed&type=delete&jurisdiction=CO&asOf={asOf}");
        Assert.Equal(listed.LongCount(r => !r.GetProperty("isOpen").GetBoolean() && r.GetProperty("type").GetString() == "delete"), closedCounts.RootElement.GetProperty("total").GetInt64());
        await driver.AssertBadParameterAsync("/api/requests/counts?status=lost", "status");

        using var closed = await driver.GetJsonAsync("/api/requests?status=closed&type=delete&jurisdiction=CO");
        var record = closed.RootElement.GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("subjectId").GetString() == subjectId);
        Assert.Equal("denied", record.GetProperty("outcome").GetString());
        Assert.Equal("unverifiable", record.GetProperty("denialReason").GetString());
        Assert.False(record.TryGetProperty("denialBasis", out _));
        Assert.DoesNotContain("could not verify", closed.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("phone", record.GetProperty("channel").GetString());
        Assert.False(record.TryGetProperty("agent", out _));
    }

    [Theory]
    [InlineData("/api/requests?status=late", "status")]
    [InlineData("/api/requests?jurisdiction=ZZ", "jurisdiction")]
    [InlineData("/api/requests?type=everything", "type")]
    [InlineData("/api/requests?dueBefore=soon", "dueBefore")]
    [InlineData("/api/requests?asOf=yesterday", "asOf")]
    [InlineData("/api/requests?limit=0", "limit")]
    [InlineData("/api/requests?limit=5001", "limit")]
    [InlineData("/api/requests?limit=-3", "limit")]
    [InlineData("/api/requests?cursor=yesterday", "cursor")]
    [InlineData("/api/requests?cursor=MTIz", "cursor")]
    public Task Given_bad_parameter_When_queue_is_read_Then_400_names_it(string url, string parameter) =>
        driver.AssertBadParameterAsync(url, parameter);

    [Fact]
    public async Task Given_open_requests_When_queue_is_paged_Then_every_one_comes_once_in_deadline_order_despite_inserts()
    {
        var subjectId = ReportsDriver.NewId("queue-pages");
        var now = DateTimeOffset.UtcNow;
        await driver.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "MT" });
        async Task ReceiveAsync(string requestId, int daysAgo) =>
            await driver.ExecuteAsync(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = requestId, Type = RightsRequestType.Delete, Channel = RequestChannel.Email, ReceivedAt = now.AddDays(-daysAgo) });

        // r-b and r-c share a deadline: the request id orders them.
        await ReceiveAsync("r-d", 1);
        await ReceiveAsync("r-c", 5);
        await ReceiveAsync("r-b", 5);
        await ReceiveAsync("r-a", 9);
        await ReceiveAsync("r-e", 0);
        await ReceiveAsync("closed", 7);
        await driver.ExecuteAsync(new CompleteRequest { SubjectId = subjectId, RequestId = "closed", Outcome = RequestOutcome.Denied, DenialReason = DenialReason.Unverifiable, Explanation = "could not verify" });
        await driver.WaitForProjectionsAsync();

        var walked = new List<(DateTimeOffset DueAt, string SubjectId, string RequestId)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = "/api/requests?status=open&jurisdiction=MT&limit=2" + (cursor is null ? string.Empty : "&cursor=" + cursor);
            using var response = await driver.Client.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var rows = page.RootElement.GetProperty("requests").EnumerateArray().ToList();
            Assert.InRange(rows.Count, 0, 2);
            walked.AddRange(rows.Select(r => (r.GetProperty("currentDueAt").GetDateTimeOffset(), r.GetProperty("subjectId").GetString()!, r.GetProperty("requestId").GetString()!)));
            cursor = page.RootElement.GetProperty("nextCursor").GetString();
            if (cursor is null)
            {
                Assert.False(response.Headers.Contains("Link"));
            }
            else
            {
                var link = Assert.Single(response.Headers.GetValues("Link"));
                Assert.Equal($"</api/requests?status=open&jurisdiction=MT&limit=2&cursor={cursor}>; rel=\"next\"", link);
            }

            if (++pages == 1)
            {
                // A request due sooner than the first page's end arrives mid-walk: the cursor neither repeats nor skips rows for it.
                await ReceiveAsync("r-late-comer", 30);
                await driver.WaitForProjectionsAsync();
            }
        }
        while (cursor is not null && pages < 50);

        Assert.Null(cursor);
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Equal(walked.OrderBy(r => r.DueAt.UtcTicks / 10).ThenBy(r => $"{r.SubjectId}/{r.RequestId}", StringComparer.Ordinal), walked);
        Assert.Equal(["r-a", "r-b", "r-c", "r-d", "r-e"], walked.Where(r => r.SubjectId == subjectId).Select(r => r.RequestId));

        using var all = await driver.GetJsonAsync("/api/requests?status=open&jurisdiction=MT&limit=5000");
        Assert.Contains(all.RootElement.GetProperty("requests").EnumerateArray(), r => r.GetProperty("requestId").GetString() == "r-late-comer");
        Assert.Equal(JsonValueKind.Null, all.RootElement.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Given_queue_as_csv_Then_one_row_per_request_without_agent_names()
    {
        var subjectId = ReportsDriver.NewId("queue-csv");
        await driver.ExecuteAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "VA" });
        await driver.ExecuteAsync(new ReceiveRightsRequest
        {
            SubjectId = subjectId,
            RequestId = "agent-1",
            Type = RightsRequestType.Correct,
            Channel = RequestChannel.Mail,
            Agent = new AuthorizedAgent { Name = "Agent Smith", ProofOfAuthorization = "signed letter" },
        });
        await driver.WaitForProjectionsAsync();

        var csv = await driver.GetCsvAsync("/api/requests?jurisdiction=VA&type=correct");

        Assert.StartsWith("subject_id,request_id,type,", csv, StringComparison.Ordinal);
        var row = Assert.Single(csv.Split("\r\n"), l => l.StartsWith(subjectId, StringComparison.Ordinal));
        Assert.Contains(",correct,mail,VA,True,", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Smith", csv, StringComparison.Ordinal);
    }

    private async Task<List<string>> RequestIdsAsync(string url, string subjectId)
    {
        using var json = await driver.GetJsonAsync(url);
        return json.RootElement.GetProperty("requests").EnumerateArray()
            .Where(r => r.GetProperty("subjectId").GetString() == subjectId)
            .Select(r => r.GetProperty("requestId").GetString()!)
            .ToList();
    }
}
