using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.PublicData;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// Every page on phones (320, 360 and 390 px) and a wide desktop (1,440 px) in Chromium, after a real upload of a
/// public map (us-atlas states-10m, 56 states and territories in longitude/latitude, so the far-flung step asks where
/// Alaska, Hawaii and the islands go) and of a CSV whose values span six orders of magnitude, and with the cartogram
/// made from them: no horizontal scroll, touch targets of at least 44 px, no text that speaks of map sides (the maps
/// stack on a phone), the navigation folded into a menu on phones, maps across the full width, and axe-core at zero
/// violations. Screenshots of each page at each width are kept as artefacts (phone-WIDTH-PAGE.png).
/// </summary>
public sealed partial class PhoneLayoutTests
{
    private const string SmallMap = "austria_by_state_since_1945";

    private static readonly int[] Widths = [320, 360, 390, 1440];

    [LibraryFact]
    public async Task Every_page_fits_phones_and_desktops_with_large_targets_and_no_axe_violation()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, HasTouch = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        var problems = new List<string>();

        var made = new UploadedPages("", "", "", "");
        foreach (var width in new[] { 360, 390 })
        {
            await page.SetViewportSizeAsync(width, 844);
            made = await UploadAndMakeCartogramAsync(page, site, width, problems);
        }

        var (result, embed) = (made.Result, made.Embed);
        string[] pages = ["/", "/maps", $"/maps/{SmallMap}", "/create", $"/create?map={SmallMap}", "/create/map", made.FarFlungStep, made.Table,
            "/tutorial", "/faq", "/about", "/cookies", "/contact", "/contact/thanks", "/admin/login", "/no-such-page", "/Error?code=500", result, embed];
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
            foreach (var path in pages)
            {
                await page.GotoAsync(site + path, new() { WaitUntil = WaitUntilState.Commit });
                if (path is "/" || path.StartsWith("/maps/", StringComparison.Ordinal) || path == result || path == embed)
                {
                    // These pages show a computed cartogram (the first visit computes the examples).
                    await page.Locator("svg#cartogram").WaitForAsync();
                }

                await CheckAsync(page, width, Name(path, made), axe: width is 390 or 1440, problems);
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [LibraryFact]
    public async Task On_a_phone_the_navigation_folds_into_a_menu_the_maps_take_the_full_width_and_a_tap_pins_a_region()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 360, Height = 780 }, HasTouch = true });
        page.SetDefaultTimeout(90_000);

        await page.GotoAsync($"{site}/maps/{SmallMap}", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("svg#cartogram").WaitForAsync();
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var faq = page.Locator(".site-header").GetByRole(AriaRole.Link, new() { Name = "FAQ" });
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(faq).ToBeHiddenAsync();
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        Assert.True(header!.Height < 70, $"The folded header is {header.Height} px tall: the navigation still wraps.");

        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(faq).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "phone-360-menu-open");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(faq).ToBeHiddenAsync();
        await Assertions.Expect(menu).ToBeFocusedAsync();

        foreach (var id in new[] { "equal-area", "cartogram" })
        {
            var map = await page.Locator($"svg#{id}").BoundingBoxAsync();
            Assert.True(map!.Width >= 350, $"The {id} map is {map.Width} px wide on a 360 px screen.");
        }

        // A tap shows a region's details and keeps them (there is no hover on a touch screen); a second tap closes them.
        var names = (await page.Locator("table.sortable tbody th").AllTextContentsAsync()).Select(n => n.Trim()).ToList();
        var largest = page.Locator($"svg#cartogram path[data-i='{names.IndexOf("Wien")}']");
        await largest.TapAsync();
        await Assertions.Expect(page.Locator(".tooltip")).ToContainTextAsync("Wien");
        await Assertions.Expect(page.Locator("svg#cartogram path.pinned")).ToHaveCountAsync(1);
        await Chromium.ScreenshotAsync(page, "phone-360-region-tapped");
        await largest.TapAsync();
        await Assertions.Expect(page.Locator("svg#cartogram path.pinned")).ToHaveCountAsync(0);

        // Wide screens show the links themselves and no menu button.
        await page.SetViewportSizeAsync(1280, 900);
        await Assertions.Expect(menu).ToBeHiddenAsync();
        await Assertions.Expect(faq).ToBeVisibleAsync();
    }

    /// <summary>The paths an upload went through: the far-flung step, the data table, the result and its embed.</summary>
    private sealed record UploadedPages(string FarFlungStep, string Table, string Result, string Embed);

    /// <summary>Uploads the public map and a CSV for it, checking each page on the way; returns the pages it made.</summary>
    private static async Task<UploadedPages> UploadAndMakeCartogramAsync(IPage page, string site, int width, List<string> problems)
    {
        await page.GotoAsync($"{site}/create/map");
        await page.GetByLabel("Map file (.geojson, .json, .topojson or .zip)").SetInputFilesAsync(PublicMaps.States10mGeoJson);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and continue" }).ClickAsync();
        var proceed = page.GetByRole(AriaRole.Button, new() { Name = "Continue to the data" });
        await Assertions.Expect(proceed).ToBeVisibleAsync();
        var step = new Uri(page.Url).PathAndQuery;
        Assert.StartsWith("/create/map?draft=", step, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByLabel("Alaska", new() { Exact = false })).ToBeVisibleAsync();
        await CheckAsync(page, width, "create-far-flung-step", axe: true, problems);
        await proceed.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Make the cartogram" })).ToBeVisibleAsync();
        var table = new Uri(page.Url).PathAndQuery;
        await CheckAsync(page, width, "create-uploaded-map", axe: true, problems);

        await page.GetByLabel("Data file").SetInputFilesAsync(new FilePayload
        {
            Name = "states.csv",
            MimeType = "text/csv",
            Buffer = StatesCsv(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Load into the table" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message", new() { HasText = "regions matched" })).ToBeVisibleAsync();
        await CheckAsync(page, width, "create-uploaded-data", axe: true, problems);

        await page.GetByRole(AriaRole.Button, new() { Name = "Make the cartogram" }).ClickAsync();
        await page.WaitForURLAsync(CartogramUrl(), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("svg#cartogram").WaitForAsync(new() { Timeout = 180_000 });
        var result = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Button, new() { Name = "Share this cartogram" }).ClickAsync();
        await Assertions.Expect(page.Locator("#embed-code")).ToBeVisibleAsync();
        return new UploadedPages(step, table, result, result.Replace("/cartogram/", "/embed/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_admin_page_after_logging_in_fits_phones_with_large_targets_and_no_axe_violation()
    {
        const string password = "correct horse battery staple";
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_ADMIN_USER"] = "admin",
            ["CARTOGRAM_ADMIN_PASSWORD_HASH"] = GoCart.Site.Admin.PasswordHash.Create(password),
        });
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 844 }, HasTouch = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        var problems = new List<string>();

        await page.GotoAsync(site + "/admin/login");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(site + "/admin");
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 844);
            await page.GotoAsync(site + "/admin");
            await CheckAsync(page, width, "admin", axe: true, problems);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task CheckAsync(IPage page, int width, string name, bool axe, List<string> problems)
    {
        // A button can be visible before the stylesheet applies; unstyled, the form's fields are wider than a phone.
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (await PageChecks.OverflowAsync(page) is { Length: > 0 } overflow)
        {
            problems.Add($"{name} at {width} px: {overflow}");
        }

        if (await PageChecks.SmallTargetsAsync(page) is { Length: > 0 } small)
        {
            problems.Add($"{name} at {width} px: targets under {PageChecks.MinimumTarget} px: {small}");
        }

        if (await PageChecks.SideWordsAsync(page) is { Length: > 0 } sides)
        {
            problems.Add($"{name} at {width} px: speaks of sides where the maps may be stacked: {sides}");
        }

        if (axe && await PageChecks.AxeViolationsAsync(page) is { Length: > 0 } violations)
        {
            problems.Add($"{name} at {width} px: axe: {violations}");
        }

        await Chromium.ScreenshotAsync(page, $"phone-{width}-{name}");
    }

    /// <summary>One row per state of states-10m, by name, with values from a thousand to a billion.</summary>
    private static byte[] StatesCsv()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(PublicMaps.States10mGeoJson));
        var names = document.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("name").GetString()!)
            .ToList();
        var csv = new StringBuilder("name,Imaginary people (people)\n");
        for (var i = 0; i < names.Count; i++)
        {
            var value = Math.Round(1_000 * Math.Pow(1_000_000, (i * 37 % names.Count) / (double)(names.Count - 1)));
            csv.Append(CultureInfo.InvariantCulture, $"\"{names[i].Replace("\"", "\"\"", StringComparison.Ordinal)}\",{value}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string Name(string path, UploadedPages made) =>
        path == made.Result ? "result"
        : path == made.Embed ? "embed"
        : path == made.FarFlungStep ? "create-far-flung-step"
        : path == made.Table ? "create-uploaded-map"
        : path == "/" ? "home"
        : NonWord().Replace(path.Trim('/'), "-");

    [GeneratedRegex("/cartogram/[A-Za-z0-9]{32}$")]
    private static partial Regex CartogramUrl();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}
