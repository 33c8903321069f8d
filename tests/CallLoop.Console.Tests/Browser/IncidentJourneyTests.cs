using System.Net.Http.Json;
using CallLoop.Console.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CallLoop.Console.Tests.Browser;

[Collection(ConsoleStackCollection.Name)]
public sealed class IncidentJourneyTests(ConsoleStack stack)
{
    [Fact]
    public async Task Privacy_officer_finds_an_overdue_breach_notice_in_the_incident_queue_and_opens_the_incident()
    {
        var subjectId = $"br-{Guid.NewGuid():N}"[..16];
        var incidentId = $"inc-{Guid.NewGuid():N}"[..16];
        using var service = stack.Silo.ClientAs("crm", "service");
        using var officer = stack.Silo.ClientAs("officer-api", "privacy-officer");
        await Arrange.RegisterAsync(service, subjectId, "bea@example.com");
        var now = DateTimeOffset.UtcNow;
        (await service.PostAsJsonAsync($"api/subjects/{subjectId}/collections", new
        {
            category = "A",
            source = "direct",
            purposes = new[] { "provide-services" },
            data = new { email = "bea@example.com" },
            collectedAt = Arrange.Iso(now.AddDays(-50)),
        })).EnsureSuccessStatusCode();
        await Arrange.AssessedIncidentAsync(officer, incidentId, now);

        // Reported, not assessed: it has no obligation, so only the list of incidents shows it.
        var unassessed = $"inc-{Guid.NewGuid():N}"[..16];
        (await officer.PostAsJsonAsync("api/incidents", new
        {
            incidentId = unassessed,
            discoveredAt = Arrange.Iso(now),
            occurredFrom = Arrange.Iso(now.AddDays(-2)),
            occurredTo = Arrange.Iso(now.AddDays(-1)),
            description = "a shared drive was found open to the internet.",
            categories = new[] { "A" },
            dataElements = new[] { "name", "ssn" },
            encrypted = false,
            keyCompromised = false,
            systems = new[] { "shared-drive" },
        })).EnsureSuccessStatusCode();

        var page = await stack.NewPageAsync();
        await ConsolePages.SignInAsync(page, "privacy-officer");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Incidents" }).ClickAsync();

        var listed = page.Locator($"tr[data-listed-incident='{unassessed}']");
        await Expect(listed.Locator("[data-assessment='not-started']")).ToBeVisibleAsync();
        await Expect(listed).ToContainTextAsync("no obligation");
        await Expect(page.Locator($"a[data-incident='{unassessed}']")).ToHaveCountAsync(0);

        // California's notice was due 30 days after a discovery 40 days ago: the queue marks it overdue.
        var link = page.Locator($"a[data-incident='{incidentId}']");
        await Expect(link).ToHaveCountAsync(1);
        var row = page.GetByTestId("obligation-queue").Locator("tr", new() { Has = link });
        await Expect(row.Locator("[data-due='overdue']")).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("individuals");
        await ConsolePages.AssertAccessibleAsync(page);
        await ConsolePages.ScreenshotAsync(page, "incidents");

        await link.ClickAsync();
        await Expect(page.GetByTestId("assessment-status")).ToHaveTextAsync("assessment completed");
        await Expect(page.Locator("tr[data-jurisdiction='CA'] [data-obligation='individuals'] [data-due='overdue']")).ToBeVisibleAsync();
        await Expect(page.Locator("tr[data-jurisdiction='CA'] [data-obligation='credit-bureaus'] [data-due='not-required']")).ToBeVisibleAsync();
        await Expect(page.Locator("tr[data-jurisdiction='CA'] [data-obligation='credit-bureaus'] [data-testid='bureaus-unverified']")).ToBeVisibleAsync();
        await ConsolePages.AssertAccessibleAsync(page);
        await ConsolePages.ScreenshotAsync(page, "incident");
    }
}
