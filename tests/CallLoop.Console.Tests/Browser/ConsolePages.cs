using CallLoop.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CallLoop.Console.Tests.Browser;

/// <summary>What every journey does in the browser: sign in by role, check a page's accessibility, keep its picture.</summary>
internal static class ConsolePages
{
    /// <summary>Set to 1 to write the screenshots into docs/console/ (the pictures the docs show).</summary>
    public const string WriteScreenshotsVariable = "CALLLOOP_WRITE_CONSOLE_SCREENSHOTS";

    public static async Task SignInAsync(IPage page, string role)
    {
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".development-banner")).ToContainTextAsync("Local development");
        await page.Locator($"button[data-role='{role}']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(role);

        // Signed in, the banner stays in sight: below the fixed app bar, not under it.
        var banner = await page.Locator(".development-banner").BoundingBoxAsync();
        var appBar = await page.Locator(".mud-appbar").BoundingBoxAsync();
        Assert.NotNull(banner);
        Assert.NotNull(appBar);
        Assert.True(banner.Y >= appBar.Y + appBar.Height, $"the development banner (top {banner.Y}) is under the app bar (bottom {appBar.Y + appBar.Height})");
    }

    /// <summary>Axe finds no serious or critical violation on the page as it stands.</summary>
    // The WCAG 2.x A and AA rules, and only violations reported back: the checks the acceptance names, at half the time.
    private static readonly Deque.AxeCore.Commons.AxeRunOptions WcagOnly = new()
    {
        RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        ResultTypes = [Deque.AxeCore.Commons.ResultType.Violations],
    };

    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(WcagOnly);
        var grave = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            grave.Count == 0,
            $"{page.Url}: " + string.Join("\n", grave.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    /// <summary>A full-page picture; into docs/console/ when <see cref="WriteScreenshotsVariable"/> is 1.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable(WriteScreenshotsVariable) == "1"
            ? Path.Combine(RepositoryRoot.Path, "docs", "console")
            : Path.Combine(Path.GetTempPath(), "callloop-console-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }
}
