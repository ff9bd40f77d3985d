using System.Text;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.PublicData;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// Every page in Chromium with JavaScript turned off, on a 320 px phone: the gallery of the whole library on a cold
/// start, the upload of a public map (us-atlas states-10m, through its far-flung step) and its data table, a result,
/// a result of four panels, a dataset of two columns, its embed, the information pages, the error pages and the
/// admin page after a login, all made through the pages' own forms. On none of them does a button that only a script could work show (a button that submits
/// nothing), the page scrolls sideways, or the navigation stops working: its Menu link opens the list and the
/// list's last link closes it. Screenshots: no-javascript-PAGE.png.
/// </summary>
public sealed class NoJavascriptTests
{
    private const string SmallMap = "austria_by_state_since_1945";

    private const string Password = "correct horse battery staple";

    /// <summary>Square kilometres of Austria's states, a second column for a dataset.</summary>
    private static readonly Dictionary<string, int> AustriaAreas = new(StringComparer.Ordinal)
    {
        ["Burgenland"] = 3_962,
        ["Kärnten"] = 9_536,
        ["Niederösterreich"] = 19_180,
        ["Oberösterreich"] = 11_982,
        ["Salzburg"] = 7_155,
        ["Steiermark"] = 16_401,
        ["Tirol"] = 12_648,
        ["Vorarlberg"] = 2_602,
        ["Wien"] = 415,
    };

    [LibraryFact]
    public async Task Without_javascript_no_page_shows_a_control_that_needs_a_script_and_the_menu_still_opens()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_ADMIN_USER"] = "admin",
            ["CARTOGRAM_ADMIN_PASSWORD_HASH"] = GoCart.Site.Admin.PasswordHash.Create(Password),
        });
        var site = factory.StartKestrel();
        var client = new SiteClient(factory);
        var single = await client.SubmitAsync(new { map = SmallMap, csv = AustriaCsv(withArea: false) });
        var dataset = await client.SubmitAsync(new
        {
            map = SmallMap,
            csv = AustriaCsv(withArea: true),
            columns = new[] { new { name = "Population (people)" }, new { name = "Area (km2)" } },
        });
        foreach (var key in new[] { single, dataset })
        {
            Assert.Equal("succeeded", (await client.WaitAsync(key, TimeSpan.FromMinutes(3))).GetProperty("status").GetString());
        }

        await using var browser = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 320, Height = 740 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        var problems = new List<string>();

        var (step, table) = await UploadAsync(page, site, problems);
        await page.GotoAsync($"{site}/admin/login");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(site + "/admin");

        (string Name, string Path)[] pages =
        [
            // The gallery on a cold start: without a script Chromium asks for all of the library's thumbnails at once
            // (lazy loading needs scripting), none drawn yet; each answers at once, with a placeholder.
            ("home", "/"), ("gallery", "/maps"), ("map", $"/maps/{SmallMap}"), ("create", "/create"), ("create-table", $"/create?map={SmallMap}"),
            ("create-map", "/create/map"), ("create-far-flung-step", step), ("create-uploaded-map", table), ("tutorial", "/tutorial"),
            ("faq", "/faq"), ("about", "/about"), ("cookies", "/cookies"), ("contact", "/contact"), ("contact-thanks", "/contact/thanks"),
            ("admin", "/admin"), ("not-found", "/no-such-page"), ("error", "/Error?code=500"), ("result", $"/cartogram/{single}"),
            ("result-four-panels", $"/cartogram/{single}?panels=equal-area,contiguous,non-contiguous,choropleth"),
            ("dataset", $"/cartogram/{dataset}"), ("embed", $"/embed/{single}"),
        ];
        foreach (var (name, path) in pages)
        {
            await page.GotoAsync(site + path);
            await CheckAsync(page, name, problems);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [LibraryFact]
    public async Task Without_javascript_the_menu_link_opens_the_navigation_and_its_last_link_closes_it()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 320, Height = 740 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{site}/faq");

        var header = page.Locator(".site-header");
        var menu = header.GetByRole(AriaRole.Link, new() { Name = "Menu" });
        var about = header.GetByRole(AriaRole.Link, new() { Name = "About" });
        await Assertions.Expect(about).ToBeHiddenAsync();
        Assert.True((await header.BoundingBoxAsync())!.Height < 70, "The folded header still wraps onto several lines.");
        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(about).ToBeVisibleAsync();
        var small = await PageChecks.SmallTargetsAsync(page);
        Assert.True(small.Length == 0, small);
        await Chromium.ScreenshotAsync(page, "no-javascript-menu-open");
        await header.GetByRole(AriaRole.Link, new() { Name = "Close the menu" }).ClickAsync();
        await Assertions.Expect(about).ToBeHiddenAsync();
        await Assertions.Expect(menu).ToBeVisibleAsync();

        // Wide screens show the links and neither menu control.
        await page.SetViewportSizeAsync(1280, 900);
        await Assertions.Expect(about).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToBeHiddenAsync();
        await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Close the menu" })).ToBeHiddenAsync();
    }

    /// <summary>Uploads states-10m and goes past its far-flung step with the page's own choices; returns both steps' paths.</summary>
    private static async Task<(string Step, string Table)> UploadAsync(IPage page, string site, List<string> problems)
    {
        await page.GotoAsync($"{site}/create/map");
        await page.GetByLabel("Map file (.geojson, .json, .topojson or .zip)").SetInputFilesAsync(PublicMaps.States10mGeoJson);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and continue" }).ClickAsync();
        var proceed = page.GetByRole(AriaRole.Button, new() { Name = "Continue to the data" });
        await Assertions.Expect(proceed).ToBeVisibleAsync();
        var step = new Uri(page.Url).PathAndQuery;
        await proceed.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Make the cartogram" })).ToBeVisibleAsync();
        return (step, new Uri(page.Url).PathAndQuery);
    }

    private static async Task CheckAsync(IPage page, string name, List<string> problems)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var scripted = await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('button[type=button], [data-morph], [data-play], [data-copy], [data-zoom], .menu-button, .tooltip, .zoom-tools, .zoom-alone')]
              .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
              .slice(0, 8)
              .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute('aria-label') || e.className).trim().slice(0, 40)}"`)
              .join(', ')
            """);
        if (scripted.Length > 0)
        {
            problems.Add($"{name}: shows what only a script can work: {scripted}");
        }

        if (await PageChecks.OverflowAsync(page) is { Length: > 0 } overflow)
        {
            problems.Add($"{name}: {overflow}");
        }

        // The embed page is drawn inside other sites' pages and carries no site navigation.
        var menu = page.Locator(".site-header").GetByRole(AriaRole.Link, new() { Name = "Menu" });
        if (name != "embed" && !await menu.IsVisibleAsync())
        {
            problems.Add($"{name}: no Menu link in the folded navigation");
        }

        await Chromium.ScreenshotAsync(page, $"no-javascript-{name}");
    }

    /// <summary>The library's population CSV of Austria, with the states' areas as a second value column when asked.</summary>
    private static string AustriaCsv(bool withArea)
    {
        var lines = File.ReadAllLines(RepositoryFiles.PopulationCsv(Path.Combine(RepositoryFiles.MapData, SmallMap)));
        var csv = new StringBuilder();
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            csv.Append(cells[0]).Append(',').Append(cells[1]);
            if (withArea)
            {
                csv.Append(',').Append(cells[0] == lines[0].Split(',')[0] ? "Area (km2)" : AustriaAreas[cells[0]].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }
}
