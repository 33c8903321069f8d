using System.Net;
using CallLoop.Console.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallLoop.Console.Tests.Browser;

[Collection(ConsoleStackCollection.Name)]
public sealed class PrivacyOfficerJourneyTests(ConsoleStack stack)
{
    [Fact]
    public async Task Privacy_officer_receives_verifies_and_fulfils_a_delete_request_a_refused_step_shows_its_rule_and_the_values_are_gone()
    {
        var subjectId = $"po-{Guid.NewGuid():N}"[..16];
        var requestId = $"del-{Guid.NewGuid():N}"[..12];
        using var service = stack.Silo.ClientAs("crm", "service");
        using var officer = stack.Silo.ClientAs("officer-api", "privacy-officer");
        await Arrange.RegisterAsync(service, subjectId, "ada@example.com");
        await Arrange.ReceiveDeleteAsync(officer, subjectId, requestId);
        await Arrange.UntilQueuedAsync(officer, requestId, open: true);

        var page = await stack.NewPageAsync();
        await ConsolePages.SignInAsync(page, "privacy-officer");

        // The work queue lists the request, marked by its deadline.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/requests$"));
        var link = page.Locator($"a[data-request='{requestId}']");
        await Expect(link).ToBeVisibleAsync();
        await ConsolePages.AssertAccessibleAsync(page);
        await ConsolePages.ScreenshotAsync(page, "work-queue");

        // Completing before verification is refused: the rule shows next to the form, nothing changes.
        await link.ClickAsync();
        await Expect(page.GetByTestId("request-status")).ToHaveTextAsync("received");
        var complete = page.Locator("[data-form='completion']");
        await complete.GetByRole(AriaRole.Button, new() { Name = "Complete the request" }).ClickAsync();
        await Expect(complete.GetByTestId("refusal-rule")).ToHaveTextAsync("request-not-verified");
        await Expect(complete.GetByTestId("refusal")).ToContainTextAsync("cannot be fulfilled before the requester is verified");
        await Expect(page.GetByTestId("request-status")).ToHaveTextAsync("received");
        Assert.Contains("\"status\":\"received\"", await officer.GetStringAsync($"api/subjects/{subjectId}/requests/{requestId}"), StringComparison.Ordinal);
        await ConsolePages.AssertAccessibleAsync(page);

        // Verify (two data points suffice for a delete), then fulfil.
        await page.Locator("[data-form='verification']").GetByRole(AriaRole.Button, new() { Name = "Verify identity" }).ClickAsync();
        await Expect(page.GetByTestId("request-status")).ToHaveTextAsync("verified");
        await Expect(page.Locator("[data-step='Identity verified']")).ToBeVisibleAsync();
        await complete.GetByRole(AriaRole.Button, new() { Name = "Complete the request" }).ClickAsync();
        await Expect(page.GetByTestId("request-status")).ToHaveTextAsync("completed");
        await Expect(page.Locator("[data-step='Completed']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-step='Personal data erased']")).ToBeVisibleAsync();

        // Each step says who took it: the request came in through the API, the console's officer did the rest.
        var timeline = page.GetByTestId("request-timeline");
        await Expect(timeline.Locator("[data-who]")).ToHaveCountAsync(4);
        Assert.Equal(
            ["officer-api", "local-privacy-officer", "local-privacy-officer"],
            (await timeline.Locator("[data-who]").AllInnerTextsAsync()).Take(3).Select(who => who.Replace("by ", string.Empty, StringComparison.Ordinal)));
        await ConsolePages.ScreenshotAsync(page, "request");

        // It leaves the open queue.
        await Arrange.UntilQueuedAsync(officer, requestId, open: false);
        await page.GotoAsync("/requests");
        await Expect(page.GetByTestId("count-all")).ToBeVisibleAsync();
        await Expect(page.Locator($"a[data-request='{requestId}']")).ToHaveCountAsync(0);

        // The subject's values are gone; reading them is audited with the purpose given.
        await page.GotoAsync($"/subjects/{subjectId}");
        await Expect(page.GetByTestId("profile")).ToContainTextAsync("withheld");
        await ChooseAsync(page, "Purpose", "rights-request");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show personal data" }).ClickAsync();
        await Expect(page.GetByTestId("event-history")).ToContainTextAsync("rights_request_completed");
        await Expect(page.GetByTestId("event-history").Locator("[data-who='crm']").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-field='email']")).ToHaveTextAsync("none held");
        await Expect(page.GetByTestId("read-audit")).ToContainTextAsync("local-privacy-officer");
        await Expect(page.GetByTestId("read-audit")).ToContainTextAsync("rights-request");
        await ConsolePages.AssertAccessibleAsync(page);
        await ConsolePages.ScreenshotAsync(page, "subject");
    }

    [Fact]
    public async Task Privacy_officer_files_an_appeal_on_a_denied_colorado_request_and_extends_it_a_refused_extension_names_its_field()
    {
        var subjectId = $"ap-{Guid.NewGuid():N}"[..16];
        var requestId = $"del-{Guid.NewGuid():N}"[..12];
        using var service = stack.Silo.ClientAs("crm", "service");
        using var officer = stack.Silo.ClientAs("officer-api", "privacy-officer");
        await Arrange.RegisterAsync(service, subjectId, "ada@example.com", jurisdiction: "CO");
        await Arrange.ReceiveDeleteAsync(officer, subjectId, requestId);
        await Arrange.DenyAsync(officer, subjectId, requestId);

        var page = await stack.NewPageAsync();
        await ConsolePages.SignInAsync(page, "privacy-officer");
        await page.GotoAsync($"/subjects/{subjectId}/requests/{requestId}");
        await Expect(page.GetByTestId("request-status")).ToHaveTextAsync("completed");

        // Colorado gives an appeal of a denial: the form files it, and the appeal's clock shows on the timeline.
        var appeal = page.Locator("[data-form='appeal']");
        await appeal.GetByLabel("The requester's reason for appealing").FillAsync("The exemption does not apply.");
        await appeal.GetByRole(AriaRole.Button, new() { Name = "File the appeal" }).ClickAsync();
        await Expect(page.GetByTestId("request-status")).ToHaveTextAsync("appealed");
        await Expect(page.Locator("[data-step='Appeal filed']")).ToBeVisibleAsync();
        await Expect(appeal).ToHaveCountAsync(0);

        // Colorado allows more time to answer the appeal; without a reason the API refuses and nothing changes.
        var extend = page.Locator("[data-form='appeal/extension']");
        await extend.GetByRole(AriaRole.Button, new() { Name = "Extend the appeal's deadline" }).ClickAsync();
        await Expect(extend.GetByTestId("refusal-field")).ToHaveTextAsync("reason");
        Assert.Contains("\"appealExtended\":false", await officer.GetStringAsync($"api/subjects/{subjectId}/requests/{requestId}"), StringComparison.Ordinal);
        await ConsolePages.AssertAccessibleAsync(page);

        await extend.GetByLabel("Reason told to the requester").FillAsync("The records span several systems.");
        await extend.GetByRole(AriaRole.Button, new() { Name = "Extend the appeal's deadline" }).ClickAsync();
        await Expect(page.Locator("[data-step='Appeal deadline extended']")).ToBeVisibleAsync();
        await Expect(extend).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-form='appeal/decision']")).ToBeVisibleAsync();
        Assert.Contains("\"appealExtended\":true", await officer.GetStringAsync($"api/subjects/{subjectId}/requests/{requestId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_visitor_is_sent_to_the_sign_in_page_which_says_it_is_local_development()
    {
        var page = await stack.NewPageAsync();
        var response = await page.GotoAsync("/requests");
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await Expect(page.Locator(".development-banner")).ToContainTextAsync("Local development");
        await Expect(page.Locator("button[data-role]")).ToHaveCountAsync(4);
        await ConsolePages.AssertAccessibleAsync(page);
        await ConsolePages.ScreenshotAsync(page, "sign-in");
    }

    /// <summary>Opens a MudBlazor select by its label and picks the option.</summary>
    internal static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
    }
}
