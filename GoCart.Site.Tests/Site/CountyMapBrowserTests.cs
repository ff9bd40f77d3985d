using System.Text.RegularExpressions;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// In a real browser: choose the library's 3,108-county map on the create page, upload its population CSV,
/// make the cartogram and reach the result (this answered 500 when the table was bound cell by cell with
/// ASP.NET Core's default limit of 1,024 rows).
/// </summary>
public sealed partial class CountyMapBrowserTests
{
    private const string Counties = "contiguous_usa_by_county_since_2001";

    [LibraryFact]
    public async Task The_county_map_uploaded_from_the_create_page_reaches_its_result()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_DATABASE_URL"] = database.ConnectionString,
            ["CARTOGRAM_REDIS_URL"] = TestServers.Redis,
        });
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync($"{site}/create");
        await page.GetByLabel("Map", new() { Exact = true }).SelectOptionAsync(Counties);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/create\\?map={Counties}$"));
        await page.GetByLabel("Data file").SetInputFilesAsync(RepositoryFiles.PopulationCsv(Path.Combine(RepositoryFiles.MapData, Counties)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Load into the table" }).ClickAsync();
        await Assertions.Expect(page.GetByText("3108 of 3108 regions matched")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("What the numbers are, with unit")).ToHaveValueAsync("Population (people)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the cartogram" }).ClickAsync();

        await page.WaitForURLAsync(CartogramUrl(), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("svg#cartogram").WaitForAsync(new() { Timeout = 180_000 });
        await Assertions.Expect(page.Locator("svg#cartogram path[data-i]")).ToHaveCountAsync(3108);
        await Chromium.ScreenshotAsync(page, "county-result");
    }

    [GeneratedRegex("/cartogram/[A-Za-z0-9]{32}$")]
    private static partial Regex CartogramUrl();
}
