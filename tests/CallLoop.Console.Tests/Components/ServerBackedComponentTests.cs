using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using CallLoop.Console.Components.Reports;
using CallLoop.Console.Components.Requests;
using CallLoop.Console.Tests.Browser;
using CallLoop.Console.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Console.Tests.Components;

/// <summary>Components rendered against the real silo of the browser tests: what they show is what the API answered.</summary>
[Collection(ConsoleStackCollection.Name)]
public sealed class ServerBackedComponentTests(ConsoleStack stack)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Work_queue_reads_one_page_at_a_time_from_the_API_counts_every_match_and_pages_back()
    {
        using var service = stack.Silo.ClientAs("crm", "service");
        using var officer = stack.Silo.ClientAs("officer-api", "privacy-officer");
        var requestIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            // Montana: no other console test files requests there.
            var subjectId = $"wq-{Guid.NewGuid():N}"[..16];
            var requestId = $"wq-{Guid.NewGuid():N}"[..12];
            await Arrange.RegisterAsync(service, subjectId, "queue@example.com", jurisdiction: "MT");
            await Arrange.ReceiveDeleteAsync(officer, subjectId, requestId);
            requestIds.Add(requestId);
        }

        await Arrange.UntilQueuedAsync(officer, requestIds[^1], open: true);
        await using var context = SignedIn.Against(stack.Silo, "officer-bunit", "privacy-officer");

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters("requests", new Dictionary<string, object?> { ["state"] = "MT", ["pageSize"] = 2 }));
        var queue = context.Render<WorkQueue>();

        string[] Listed() => [.. queue.FindAll("a[data-request]").Select(a => a.GetAttribute("data-request")!)];
        queue.WaitForAssertion(() => Assert.Equal(2, Listed().Length), Patience);
        Assert.Equal("3 requests", queue.Find("[data-testid='count-all']").TextContent.Trim());
        Assert.Equal("received: 3", queue.Find("[data-status='received']").TextContent.Trim());
        Assert.Equal("Page 1 of 2", queue.Find("[data-testid='page-number']").TextContent.Trim());
        Assert.True(queue.Find("[data-testid='page-previous']").HasAttribute("disabled"));
        var first = Listed();

        queue.Find("[data-testid='page-next']").Click();
        queue.WaitForAssertion(() => Assert.Single(Listed()), Patience);
        var second = Listed();
        Assert.Equal("Page 2 of 2", queue.Find("[data-testid='page-number']").TextContent.Trim());
        Assert.True(queue.Find("[data-testid='page-next']").HasAttribute("disabled"));
        Assert.Equal(requestIds.Order(), first.Concat(second).Order());

        queue.Find("[data-testid='page-previous']").Click();
        queue.WaitForAssertion(() => Assert.Equal(first, Listed()), Patience);
        Assert.Equal("3 requests", queue.Find("[data-testid='count-all']").TextContent.Trim());
    }

    [Fact]
    public async Task Consent_chart_and_table_show_the_APIs_series_for_the_marketing_channels()
    {
        using var service = stack.Silo.ClientAs("crm", "service");
        using var analyst = stack.Silo.ClientAs("analyst-api", "analyst");
        var subjectId = $"cs-{Guid.NewGuid():N}"[..16];
        await Arrange.RegisterAsync(service, subjectId, "consents@example.com");
        (await service.PostAsJsonAsync($"api/subjects/{subjectId}/consents", new { purpose = "marketing-email", noticeVersion = "2026-01", channel = "web-form", evidence = "checkbox" })).EnsureSuccessStatusCode();
        var expected = await UntilEmailConsentsAsync(analyst);

        await using var context = SignedIn.Against(stack.Silo, "analyst-bunit", "analyst");
        var view = context.Render<ConsentLedgerView>();

        view.WaitForAssertion(() => Assert.NotEmpty(view.FindAll("tr[data-period]")), Patience);
        var rows = view.FindAll("tr[data-period]");
        Assert.Equal(12, rows.Count);
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), rows[^1].GetAttribute("data-period"));
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[^1].QuerySelector("[data-purpose='marketing-email'][data-measure='consenting']")!.TextContent.Trim());
        Assert.NotNull(rows[^1].QuerySelector("[data-purpose='marketing-sms'][data-measure='opted-out']"));
    }

    /// <summary>The API's count of subjects consenting to marketing email this month, once the ledger shows the new grant.</summary>
    private static async Task<long> UntilEmailConsentsAsync(HttpClient analyst)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            using var series = JsonDocument.Parse(await analyst.GetStringAsync("api/reports/consents/series?interval=month&purpose=marketing-email", timeout.Token));
            var counts = series.RootElement.GetProperty("series")[0].GetProperty("subjectsConsenting");
            var latest = counts[counts.GetArrayLength() - 1].GetInt64();
            if (latest >= 1)
            {
                return latest;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    [Fact]
    public async Task Restarting_an_assessment_that_did_not_fail_shows_the_APIs_refusal_naming_the_rule()
    {
        using var officer = stack.Silo.ClientAs("officer-api", "privacy-officer");
        var incidentId = $"inc-{Guid.NewGuid():N}"[..16];
        var now = DateTimeOffset.UtcNow;
        await ReportAsync(officer, incidentId, now.AddDays(-1));
        await using var context = SignedIn.Against(stack.Silo, "officer-bunit", "privacy-officer");
        var failed = new Api.IncidentAssessment("failed", 0, 67, 0, 5, "PostgresException", now);

        var rendered = context.Render<Console.Components.Incidents.AssessmentFailure>(p => p.Add(f => f.IncidentId, incidentId).Add(f => f.Assessment, failed));
        rendered.Find("[data-action=restart-assessment]").Click();

        rendered.WaitForAssertion(() => Assert.Equal("assessment-not-failed", rendered.Find("[data-testid=refusal-rule]").TextContent), Patience);
    }

    [Fact]
    public async Task Incident_list_shows_incidents_without_obligations_a_page_at_a_time_from_the_API()
    {
        using var officer = stack.Silo.ClientAs("officer-api", "privacy-officer");
        var now = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        for (var i = 3; i >= 1; i--)
        {
            // Discovered now: newer than any other incident of the stack, so these lead the list (newest first).
            var incidentId = $"inc-{Guid.NewGuid():N}"[..16];
            await ReportAsync(officer, incidentId, now.AddSeconds(-i));
            ids.Add(incidentId);
        }

        await using var context = SignedIn.Against(stack.Silo, "officer-bunit", "privacy-officer");
        var list = context.Render<Console.Components.Incidents.IncidentTable>(p => p.Add(t => t.PageSize, 2));

        string[] Listed() => [.. list.FindAll("tr[data-listed-incident]").Select(r => r.GetAttribute("data-listed-incident")!)];
        list.WaitForAssertion(() => Assert.Equal([ids[2], ids[1]], Listed()), Patience);
        var newest = list.Find($"tr[data-listed-incident='{ids[2]}']");
        Assert.Equal("not-started", newest.QuerySelector("[data-assessment]")!.GetAttribute("data-assessment"));
        Assert.Equal("no obligation", newest.QuerySelector("[data-incident-state]")!.TextContent);
        var total = long.Parse(list.Find("[data-testid=incident-total]").TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total >= 3);
        Assert.Equal($"Page 1 of {(total + 1) / 2}", list.Find("[data-testid=incidents-page]").TextContent.Trim());

        list.Find("[data-testid=incidents-next]").Click();
        list.WaitForAssertion(() => Assert.Equal(ids[0], Listed()[0]), Patience);
        list.Find("[data-testid=incidents-previous]").Click();
        list.WaitForAssertion(() => Assert.Equal([ids[2], ids[1]], Listed()), Patience);
    }

    private static async Task ReportAsync(HttpClient officer, string incidentId, DateTimeOffset discoveredAt) =>
        (await officer.PostAsJsonAsync("api/incidents", new
        {
            incidentId,
            discoveredAt = Arrange.Iso(discoveredAt),
            occurredFrom = Arrange.Iso(discoveredAt.AddDays(-3)),
            occurredTo = Arrange.Iso(discoveredAt.AddDays(-2)),
            description = "a laptop was stolen from a car.",
            categories = new[] { "A" },
            dataElements = new[] { "name", "ssn" },
            encrypted = false,
            keyCompromised = false,
            systems = new[] { "laptop" },
        })).EnsureSuccessStatusCode();
}
