using Microsoft.Playwright;

namespace CallLoop.Console.Tests.Infrastructure;

/// <summary>
/// One silo, one console process and one Debian Chromium for every browser test: each test opens its own browser
/// context (its own cookies), so journeys do not see each other's sign-in.
/// </summary>
public sealed class ConsoleStack : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public SiloHost Silo { get; private set; } = default!;

    public ConsoleProcess Console { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: the browser tests drive Debian's Chromium (apt-get install chromium).");
        }

        Silo = await SiloHost.StartAsync();
        var starting = ConsoleProcess.StartAsync(Silo.Address);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        Console = await starting;
    }

    /// <summary>A fresh browser context (no cookies) on the console, failing on any browser-side error.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Console.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (Console is not null)
        {
            // The console's own log, for diagnosing a failed journey.
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "console-host.log"), Console.Output);
            await Console.DisposeAsync();
        }

        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
    }
}
