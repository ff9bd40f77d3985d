using System.Text.RegularExpressions;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// The create flow in a real browser (headless Chromium from the distribution) against the site on Kestrel with
/// PostgreSQL, Redis and the real engine: open a map, change a value, generate, watch the progress finish, hover
/// a region, morph, download the PNG. Screenshots of the result page are saved as test artefacts.
/// </summary>
public sealed partial class BrowserTests
{
    [Fact]
    public async Task A_visitor_makes_explores_and_downloads_a_cartogram()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_DATABASE_URL"] = database.ConnectionString,
            ["CARTOGRAM_REDIS_URL"] = TestServers.Redis,
        });
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);

        // The page reloads itself when its example is ready, so wait for what is on it, not for one load event.
        await page.GotoAsync($"{site}/maps/conterminous_usa_by_state_since_1959", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("svg#cartogram").WaitForAsync(new() { Timeout = 90_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Make your own with this map" }).ClickAsync();
        await page.WaitForURLAsync(MakeOwnUrl(), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var texas = page.GetByLabel("Value of Texas", new() { Exact = true });
        await texas.FillAsync("150000000");
        await page.GetByLabel("What the numbers are, with unit").FillAsync("Imaginary people (people)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the cartogram" }).ClickAsync();

        await page.WaitForURLAsync(CartogramUrl(), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator(".progress-panel progress").Or(page.Locator("svg#cartogram"))).ToBeVisibleAsync();
        await page.Locator("svg#cartogram").WaitForAsync(new() { Timeout = 90_000 });
        Assert.Equal(0, await page.Locator(".progress-panel").CountAsync());
        await Chromium.ScreenshotAsync(page, "result");

        var texasPath = page.Locator("svg#cartogram path").Nth(await RegionIndex(page, "Texas"));
        await texasPath.HoverAsync();
        var tooltip = page.Locator(".tooltip");
        await Assertions.Expect(tooltip).ToBeVisibleAsync();
        await Assertions.Expect(tooltip).ToContainTextAsync("Texas");
        await Assertions.Expect(tooltip).ToContainTextAsync("150 million");
        Assert.Equal(2, await page.Locator("svg.map path.active").CountAsync());
        await Chromium.ScreenshotAsync(page, "tooltip");

        var before = await texasPath.GetAttributeAsync("d");
        await page.GetByRole(AriaRole.Button, new() { Name = "Morph to the equal-area map" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Morph back to the cartogram" })).ToBeVisibleAsync(new() { Timeout = 5_000 });
        var equalArea = await page.Locator("svg#equal-area path").Nth(await RegionIndex(page, "Texas")).GetAttributeAsync("d");
        Assert.NotEqual(before, await texasPath.GetAttributeAsync("d"));
        Assert.Equal(Numbers(equalArea!), Numbers((await texasPath.GetAttributeAsync("d"))!));
        await Chromium.ScreenshotAsync(page, "morphed");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PNG" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"gocart-{Guid.NewGuid():N}.png");
        await download.SaveAsAsync(file);
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        Assert.True(bytes.Length > 10_000, $"The PNG has only {bytes.Length} bytes.");
    }

    private static async Task<int> RegionIndex(IPage page, string name)
    {
        var names = await page.Locator("table.sortable tbody th").AllTextContentsAsync();
        var index = names.Select(n => n.Trim()).ToList().IndexOf(name);
        Assert.True(index >= 0, $"No region {name} in the table: {string.Join(", ", names.Take(5))}…");
        return index;
    }

    private static List<double> Numbers(string path) =>
        [.. NumberPattern().Matches(path).Select(m => Math.Round(double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)))];


    [GeneratedRegex("/create\\?map=conterminous_usa_by_state_since_1959$")]
    private static partial Regex MakeOwnUrl();

    [GeneratedRegex("/cartogram/[A-Za-z0-9]{32}$")]
    private static partial Regex CartogramUrl();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();
}
