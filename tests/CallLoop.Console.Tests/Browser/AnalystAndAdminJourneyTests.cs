using System.Net;
using CallLoop.Console.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallLoop.Console.Tests.Browser;

[Collection(ConsoleStackCollection.Name)]
public sealed class AnalystAndAdminJourneyTests(ConsoleStack stack)
{
    [Fact]
    public async Task Analyst_opens_the_California_report_downloads_its_CSV_and_has_no_way_to_personal_data()
    {
        var subjectId = $"an-{Guid.NewGuid():N}"[..16];
        using var service = stack.Silo.ClientAs("crm", "service");
        await Arrange.RegisterAsync(service, subjectId, "grace@example.com");

        var page = await stack.NewPageAsync();
        await ConsolePages.SignInAsync(page, "analyst");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reports$"));
        await Expect(page.GetByTestId("state-report-table")).ToContainTextAsync("collected");
        await Expect(page.GetByTestId("request-metrics")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("consent-ledger")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("projections")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("state-report-csv").ClickAsync());
        Assert.StartsWith("state-report-CA-", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("state,from,to,section,category", csv, StringComparison.Ordinal);
        Assert.Contains("CA,", csv, StringComparison.Ordinal);
        await ConsolePages.AssertAccessibleAsync(page);
        await ConsolePages.ScreenshotAsync(page, "reports");

        // No control to read personal data anywhere the analyst can go, and the API refuses the call outright.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Subjects" })).ToHaveCountAsync(0);
        await page.GotoAsync($"/subjects/{subjectId}");
        await Expect(page.GetByTestId("not-allowed")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show personal data" })).ToHaveCountAsync(0);
        using var analyst = stack.Silo.ClientAs("analyst-api", "analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"api/subjects/{subjectId}/personal-data?purpose=rights-request")).StatusCode);
    }

    [Fact]
    public async Task Admin_sees_the_delivery_queue_and_a_subjects_deliveries_and_read_audit_but_no_requests_or_personal_data()
    {
        var subjectId = $"ad-{Guid.NewGuid():N}"[..16];
        using var service = stack.Silo.ClientAs("crm", "service");
        await Arrange.RegisterAsync(service, subjectId, "alan@example.com");

        var page = await stack.NewPageAsync();
        await ConsolePages.SignInAsync(page, "admin");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/deliveries$"));
        await Expect(page.GetByTestId("delivery-queue")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Work queue" })).ToHaveCountAsync(0);
        await ConsolePages.AssertAccessibleAsync(page);
        await ConsolePages.ScreenshotAsync(page, "deliveries");

        await page.GotoAsync($"/subjects/{subjectId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Processor deliveries" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Read audit" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Nobody has read this subject's personal data.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show personal data" })).ToHaveCountAsync(0);
    }
}
