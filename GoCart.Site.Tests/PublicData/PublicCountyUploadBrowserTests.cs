using System.Text.RegularExpressions;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.Site;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.PublicData;

/// <summary>
/// In a real browser, as a new user would: upload us-atlas's counties-10m (3,000+ counties, TopoJSON) on
/// /create/map, keep GoCart's suggestions on the far-flung step, load a CSV of values from 1 to 1e9 into the
/// table (which keeps the step's insets), make the cartogram and reach the finished result with every county drawn.
/// </summary>
public sealed partial class PublicCountyUploadBrowserTests
{
    [Fact]
    public async Task The_us_atlas_county_map_uploaded_from_the_create_page_reaches_its_result()
    {
        var map = SyntheticValues.Map("counties-10m.json");
        var csv = new FilePayload { Name = "county-values.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(SyntheticValues.Csv(SyntheticValues.For(map))) };
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_DATABASE_URL"] = database.ConnectionString,
            ["CARTOGRAM_REDIS_URL"] = TestServers.Redis,
        });
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // Reading 3,000+ counties takes seconds on a quiet machine and minutes on a loaded one; the wait allows for both.
        page.SetDefaultTimeout(300_000);

        await page.GotoAsync($"{site}/create/map");
        await page.GetByLabel("Map file").SetInputFilesAsync(PublicMaps.Counties10mTopoJson);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and continue" }).ClickAsync();
        await page.WaitForURLAsync(FarFlungStep());
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Regions far from the main map" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to the data" }).ClickAsync();

        await page.WaitForURLAsync(DataTable());
        await page.GetByLabel("Data file").SetInputFilesAsync(csv);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load into the table" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"{map.Regions.Count} of {map.Regions.Count} regions matched")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("What the numbers are, with unit")).ToHaveValueAsync("Value");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the cartogram" }).ClickAsync();

        await page.WaitForURLAsync(CartogramUrl(), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("svg#cartogram").WaitForAsync(new() { Timeout = 900_000 });
        await Assertions.Expect(page.Locator("svg#cartogram path[data-i]")).ToHaveCountAsync(map.Regions.Count);
        // The far-flung counties kept the insets the first step suggested through the CSV's loading.
        await Assertions.Expect(page.GetByText("lie far from the main map")).ToHaveCountAsync(0);
        await Chromium.ScreenshotAsync(page, "us-atlas-county-upload");
    }

    [GeneratedRegex("/create/map\\?draft=[A-Za-z0-9]{32}$")]
    private static partial Regex FarFlungStep();

    [GeneratedRegex("/create\\?draft=[A-Za-z0-9]{32}$")]
    private static partial Regex DataTable();

    [GeneratedRegex("/cartogram/[A-Za-z0-9]{32}$")]
    private static partial Regex CartogramUrl();
}
