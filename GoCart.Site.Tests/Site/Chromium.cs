using GoCart.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>Headless Chromium from the distribution (no browser download), and where screenshots go.</summary>
public static class Chromium
{
    private const string Binary = "/usr/lib/chromium/chromium";

    /// <summary>One Playwright driver for the whole test run; each test launches and closes its own browser.</summary>
    private static readonly Lazy<Task<IPlaywright>> Driver = new(Playwright.CreateAsync);

    public static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Driver.Value;
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Binary, Headless = true, Args = ["--no-sandbox"] });
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestArtifacts.Folder(), $"browser-{name}.png"), FullPage = true });
}
