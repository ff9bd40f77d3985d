using System.Text.RegularExpressions;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// The create page's table of several columns in Chromium with JavaScript off, on the embedded defaults
/// (SQLite, in-process engine): add a column, name it and give its unit, add and delete another, make the
/// cartograms, see each column listed and computed, and share a link and an embed that open on the second column.
/// </summary>
public sealed partial class DatasetCreatePageBrowserTests
{
    private const string Map = "austria_by_state_since_1945";

    [LibraryFact]
    public async Task Columns_are_added_renamed_and_deleted_without_javascript_and_each_is_computed()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync($"{site}/create?map={Map}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a column" }).ClickAsync();
        await page.GetByLabel("Column 2 name").FillAsync("Area");
        await page.GetByLabel("Unit", new() { Exact = true }).FillAsync("km2");
        var cells = page.Locator("input.more");
        var count = await cells.CountAsync();
        Assert.Equal(9, count);
        for (var i = 0; i < count; i++)
        {
            await cells.Nth(i).FillAsync((1000 * (i + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a column" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete Area (km2)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Column 3 name")).ToHaveValueAsync("Column 3");
        Assert.Equal("9000", await page.GetByLabel("Area (km2) of Wien", new() { Exact = true }).InputValueAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Column 3" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Column 3 name")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Column 2 name")).ToHaveValueAsync("Area");
        await Chromium.ScreenshotAsync(page, "no-javascript-create-columns");

        await page.GetByRole(AriaRole.Button, new() { Name = "Make the cartogram" }).ClickAsync();
        await page.WaitForURLAsync(CartogramUrl(), new() { WaitUntil = WaitUntilState.Commit });
        var result = page.Url;
        var columns = page.GetByRole(AriaRole.Navigation, new() { Name = "Columns" });
        await Assertions.Expect(columns).ToContainTextAsync("Population (people)");
        await Assertions.Expect(columns).ToContainTextAsync("Area (km2)");

        // Without JavaScript the page refreshes itself until its column is computed.
        await page.GotoAsync(result + "?column=1");
        await page.Locator("svg#cartogram").WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Area (km2)");
        await page.GotoAsync(result);
        await page.Locator("svg#cartogram").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Share this cartogram" }).ClickAsync();
        await page.GotoAsync(result + "?column=1");
        var link = await page.Locator("#share-link").InputValueAsync();
        Assert.EndsWith("?column=1", link);
        Assert.Contains("/embed/", await page.Locator("#embed-code").InputValueAsync());
        Assert.Contains("?column=1", await page.Locator("#embed-code").InputValueAsync());

        await page.GotoAsync(link.Replace("/cartogram/", "/embed/", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Area (km2)");
        await Chromium.ScreenshotAsync(page, "no-javascript-embed-second-column");
    }

    [GeneratedRegex("/cartogram/[A-Za-z0-9]{32}$")]
    private static partial Regex CartogramUrl();
}
