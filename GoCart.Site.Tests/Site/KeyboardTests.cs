using System.Text.RegularExpressions;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// The result page with the keyboard alone, without JavaScript and with reduced motion, in Chromium: each map is
/// one tab stop, the arrows walk its regions, Enter pins the details, Escape closes them and leaves, the skip
/// link jumps past the maps, and nothing that needs a script shows without one; on the world map (198
/// regions) and on a three-panel result too. Screenshots are kept.
/// </summary>
public sealed partial class KeyboardTests
{
    private const string Map = "austria_by_state_since_1945";

    private const string WorldMap = "world_by_country_since_2022";

    [LibraryFact]
    public async Task Tab_reaches_the_downloads_in_under_25_presses_and_the_arrows_walk_the_regions()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(90_000);
        var result = await MakeCartogramAsync(page, site);

        await page.GotoAsync(result);
        var stops = new List<string>();
        for (var presses = 1; presses <= 25; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            stops.Add(await FocusedAsync(page));
            if (stops[^1].StartsWith("download", StringComparison.Ordinal))
            {
                break;
            }
        }

        Assert.True(stops[^1] == "download SVG", $"25 presses of Tab did not reach the downloads: {string.Join(" → ", stops)}");
        Assert.True(stops.Count < 25, $"{stops.Count} presses: {string.Join(" → ", stops)}");
        Assert.Equal(1, stops.Count(s => s.StartsWith("region in equal-area", StringComparison.Ordinal)));
        Assert.Equal(1, stops.Count(s => s.StartsWith("region in cartogram", StringComparison.Ordinal)));

        // Walk the cartogram's regions.
        var names = (await page.Locator("table.sortable tbody th").AllTextContentsAsync()).Select(n => n.Trim()).ToList();
        var tooltip = page.Locator(".tooltip");
        await page.Locator("svg#cartogram path[tabindex='0']").FocusAsync();
        Assert.Equal("region in cartogram 0", await FocusedAsync(page));
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('svg#cartogram')).outlineStyle"));
        await Assertions.Expect(tooltip).ToContainTextAsync(names[0]);
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("region in cartogram 1", await FocusedAsync(page));
        await Assertions.Expect(tooltip).ToContainTextAsync(names[1]);
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal($"region in cartogram {names.Count - 1}", await FocusedAsync(page));
        await Assertions.Expect(tooltip).ToContainTextAsync(names[^1]);
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("region in cartogram 1", await FocusedAsync(page));
        Assert.Equal(1, await page.Locator("svg#cartogram path[tabindex='0']").CountAsync());
        Assert.Equal("0", await page.Locator("svg#cartogram path[data-i='1']").GetAttributeAsync("tabindex"));

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("svg#cartogram path.pinned")).ToHaveCountAsync(1);
        await page.Mouse.MoveAsync(5, 5);
        await Assertions.Expect(tooltip).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "keyboard-region-pinned");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(tooltip).ToBeHiddenAsync();
        Assert.Equal("region in cartogram 1", await FocusedAsync(page));
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("after-maps", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("download SVG", await FocusedAsync(page));

        // The skip link comes before the maps and jumps past them.
        await page.GotoAsync(result);
        var skipped = 0;
        while (!(await FocusedAsync(page)).StartsWith("link Skip the maps", StringComparison.Ordinal))
        {
            Assert.True(++skipped < 15, "No skip link before the maps.");
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip the maps" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "keyboard-skip-link");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("after-maps", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("download SVG", await FocusedAsync(page));

        // The region table is announced as the maps' text alternative.
        await Assertions.Expect(page.Locator("details.region-table summary")).ToContainTextAsync("text alternative to the two maps");
        Assert.Equal("map-keys", await page.Locator("svg#cartogram").GetAttributeAsync("aria-describedby"));
        var violations = await PageChecks.AxeViolationsAsync(page);
        Assert.True(violations.Length == 0, violations);
    }

    /// <summary>The world result shown with one to five panels: the query that asks for each.</summary>
    private static readonly (string View, int Maps)[] PanelCounts =
    [
        ("?panels=contiguous", 1),
        ("", 2),
        ("?panels=equal-area,contiguous,non-contiguous", 3),
        ("?panels=equal-area,contiguous,non-contiguous,choropleth", 4),
        ("?panels=equal-area,contiguous,non-contiguous,choropleth,contiguous", 5),
    ];

    [LibraryFact]
    public async Task On_the_world_map_with_one_to_five_panels_plain_tab_reaches_the_downloads_in_under_25_presses()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        var client = new SiteClient(factory);
        var key = await client.SubmitAsync(new { map = WorldMap, csv = SiteClient.LibraryCsv(WorldMap, "world_population_by_country_2010.csv") });
        Assert.Equal("succeeded", (await client.WaitAsync(key, TimeSpan.FromMinutes(3))).GetProperty("status").GetString());
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(90_000);
        var counts = new List<string>();

        foreach (var (view, maps) in PanelCounts)
        {
            await page.GotoAsync($"{site}/cartogram/{key}{view}");
            await Assertions.Expect(page.Locator("svg.map")).ToHaveCountAsync(maps);
            var stops = new List<string>();
            var unseen = new List<string>();
            while (stops.Count < 40 && !(stops.LastOrDefault() ?? "").StartsWith("download", StringComparison.Ordinal))
            {
                await page.Keyboard.PressAsync("Tab");
                stops.Add(await FocusedAsync(page));
                if (await PageChecks.MissingFocusIndicatorAsync(page) is { Length: > 0 } missing)
                {
                    unseen.Add(missing);
                }
            }

            var trail = $"{maps} maps, {stops.Count} presses: {string.Join(" → ", stops)}";
            counts.Add($"{maps} maps: {stops.Count}");
            Assert.True(stops[^1] == "download SVG", trail);
            Assert.True(stops.Count < 25, trail);
            Assert.True(unseen.Count == 0, $"{maps} maps: focus not visible on {string.Join(", ", unseen)}");
            var regionStops = stops.Where(s => s.StartsWith("region in ", StringComparison.Ordinal)).ToList();
            Assert.True(regionStops.Count == maps, trail);
            Assert.True(regionStops.Select(s => s.Split(' ')[2]).Distinct().Count() == maps, trail);
            // The zoom toolbar is one stop and each panel's own controls are one more.
            Assert.True(stops.Count(s => s.StartsWith("button Zoom", StringComparison.Ordinal) || s == "button Reset zoom") == 1, trail);
            Assert.True(stops.Count(s => s.StartsWith("summary Change, zoom or export panel", StringComparison.Ordinal)) == maps, trail);
            await Chromium.ScreenshotAsync(page, $"keyboard-world-{maps}-maps-downloads");

            // The skip link lands right before the downloads.
            await page.GotoAsync($"{site}/cartogram/{key}{view}");
            var toSkip = await TabUntilAsync(page, "link Skip the maps");
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("after-maps", await page.EvaluateAsync<string>("() => document.activeElement.id"));
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("download SVG", await FocusedAsync(page));
            Assert.True(toSkip + 2 < stops.Count, $"{maps} maps: the skip link takes {toSkip + 2} presses, Tab alone {stops.Count}");

            // In every map the arrows move the one tab stop from region to region, Enter and Space pin the details
            // (Space again unpins), Escape closes them and then leaves the map.
            var names = (await page.Locator("table.sortable tbody th").AllTextContentsAsync()).Select(n => n.Trim()).ToList();
            var tooltip = page.Locator(".tooltip");
            for (var m = 0; m < maps; m++)
            {
                var map = page.Locator("svg.map").Nth(m);
                var id = await map.GetAttributeAsync("id");
                await map.Locator("path[tabindex='0']").FocusAsync();
                Assert.Equal($"region in {id} 0", await FocusedAsync(page));
                await page.Keyboard.PressAsync("ArrowRight");
                await page.Keyboard.PressAsync("ArrowRight");
                Assert.Equal($"region in {id} 2", await FocusedAsync(page));
                await Assertions.Expect(tooltip).ToContainTextAsync(names[2]);
                await page.Keyboard.PressAsync("ArrowUp");
                Assert.Equal($"region in {id} 1", await FocusedAsync(page));
                await Assertions.Expect(tooltip).ToContainTextAsync(names[1]);
                await page.Keyboard.PressAsync("End");
                Assert.Equal($"region in {id} {names.Count - 1}", await FocusedAsync(page));
                Assert.Equal(1, await map.Locator("path[tabindex='0']").CountAsync());
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(map.Locator("path.pinned")).ToHaveCountAsync(1);
                await page.Keyboard.PressAsync(" ");
                await Assertions.Expect(map.Locator("path.pinned")).ToHaveCountAsync(0);
                await page.Keyboard.PressAsync(" ");
                await Assertions.Expect(map.Locator("path.pinned")).ToHaveCountAsync(1);
                await Assertions.Expect(tooltip).ToContainTextAsync(names[^1]);
                await page.Keyboard.PressAsync("Escape");
                await Assertions.Expect(tooltip).ToBeHiddenAsync();
                Assert.Equal($"region in {id} {names.Count - 1}", await FocusedAsync(page));
                await page.Keyboard.PressAsync("Escape");
                Assert.Equal("after-maps", await page.EvaluateAsync<string>("() => document.activeElement.id"));
            }

            // The region table says it is the text alternative to as many maps as there are.
            var theMaps = maps switch { 1 => "the map", 2 => "the two maps", _ => $"the {maps} maps" };
            await Assertions.Expect(page.Locator("details.region-table summary")).ToContainTextAsync($"text alternative to {theMaps}");
            var violations = await PageChecks.AxeViolationsAsync(page);
            Assert.True(violations.Length == 0, $"{maps} maps: {violations}");
        }

        // The zoom toolbar: the arrows move between its buttons, Tab leaves it in one press.
        await page.GotoAsync($"{site}/cartogram/{key}");
        await TabUntilAsync(page, "button Zoom in");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("button Zoom out", await FocusedAsync(page));
        await page.Keyboard.PressAsync("End");
        Assert.Equal("button Reset zoom", await FocusedAsync(page));
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("button Zoom in", await FocusedAsync(page));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("summary Grid and colours", await FocusedAsync(page));

        // A panel's summary opens its controls with the keyboard, zoom alone among them.
        await page.Locator("figure[data-panel='1'] details.panel-settings summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("figure[data-panel='1'] [data-zoom-alone]")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "keyboard-world-panel-controls");

        // The table's headers sort it: a second press of the same one reverses the order.
        await page.Locator("details.region-table summary").ClickAsync();
        var byRegion = page.Locator("table.sortable thead").GetByRole(AriaRole.Button, new() { Name = "Region" });
        await byRegion.ClickAsync();
        var ascending = await page.Locator("table.sortable tbody th").AllTextContentsAsync();
        await byRegion.ClickAsync();
        Assert.Equal("descending", await page.Locator("table.sortable thead th").First.GetAttributeAsync("aria-sort"));
        Assert.Equal(ascending.Reverse(), await page.Locator("table.sortable tbody th").AllTextContentsAsync());
        Console.WriteLine($"Tab presses from the top to the downloads: {string.Join(", ", counts)}");
    }

    [LibraryFact]
    public async Task Without_javascript_nothing_that_needs_a_script_shows_and_with_reduced_motion_the_morph_jumps()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var scripted = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, ReducedMotion = ReducedMotion.Reduce });
        scripted.SetDefaultTimeout(90_000);
        var result = await MakeCartogramAsync(scripted, site);
        await scripted.GetByRole(AriaRole.Button, new() { Name = "Share this cartogram" }).ClickAsync();

        // With reduced motion the maps change at the next frame; without it, two frames into the one-second morph the
        // cartogram is still far from the equal-area map, and gets there at the end.
        var equalArea = Numbers((await scripted.Locator("svg#equal-area path[data-i='0']").GetAttributeAsync("d"))!);
        Assert.Equal(equalArea, Numbers(await MorphTwoFramesAsync(scripted)));
        var back = scripted.GetByRole(AriaRole.Button, new() { Name = "Morph back to the cartogram" });
        await Assertions.Expect(back).ToBeVisibleAsync(new() { Timeout = 500 });
        await back.ClickAsync();
        var forth = scripted.GetByRole(AriaRole.Button, new() { Name = "Morph to the equal-area map" });
        await Assertions.Expect(forth).ToBeVisibleAsync(new() { Timeout = 500 });
        await scripted.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.NoPreference });
        Assert.NotEqual(equalArea, Numbers(await MorphTwoFramesAsync(scripted)));
        await Assertions.Expect(back).ToBeVisibleAsync();
        Assert.Equal(equalArea, Numbers((await scripted.Locator("svg#cartogram path[data-i='0']").GetAttributeAsync("d"))!));

        var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(result);
        await Assertions.Expect(page.Locator("svg#cartogram")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-morph]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".menu-button")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-copy]").First).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".tooltip")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".site-header").GetByRole(AriaRole.Link, new() { Name = "Menu" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".site-header").GetByRole(AriaRole.Link, new() { Name = "FAQ" })).ToBeHiddenAsync();
        Assert.Equal(1, await page.Locator("svg#cartogram path[tabindex='0']").CountAsync());
        Assert.Equal(1, await page.Locator("svg#equal-area path[tabindex='0']").CountAsync());
        var overflow = await PageChecks.OverflowAsync(page);
        Assert.True(overflow.Length == 0, overflow);
        await Chromium.ScreenshotAsync(page, "no-javascript-result");

        await page.GotoAsync(result.Replace("/cartogram/", "/embed/", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-morph]")).ToBeHiddenAsync();
        await Chromium.ScreenshotAsync(page, "no-javascript-embed");
    }

    private static async Task<string> MakeCartogramAsync(IPage page, string site)
    {
        await page.GotoAsync($"{site}/create?map={Map}");
        await page.GetByLabel("Value of Wien", new() { Exact = true }).FillAsync("9000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the cartogram" }).ClickAsync();
        await page.WaitForURLAsync(CartogramUrl(), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("svg#cartogram").WaitForAsync();
        return page.Url;
    }

    /// <summary>Presses the morph button and returns the cartogram's first region two animation frames later.</summary>
    private static Task<string> MorphTwoFramesAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            async () => {
              document.querySelector('[data-morph]').click();
              await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
              return document.querySelector('svg#cartogram path[data-i="0"]').getAttribute('d');
            }
            """);

    /// <summary>Presses Tab from where focus is until what has focus starts with <paramref name="stop"/>; returns the presses.</summary>
    private static async Task<int> TabUntilAsync(IPage page, string stop)
    {
        var presses = 0;
        while (!(await FocusedAsync(page)).StartsWith(stop, StringComparison.Ordinal))
        {
            Assert.True(++presses < 40, $"40 presses of Tab did not reach '{stop}'.");
            await page.Keyboard.PressAsync("Tab");
        }

        return presses;
    }

    /// <summary>What has focus, in words: "region in cartogram 3", "download SVG", "link Maps", "button Menu"…</summary>
    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            () => {
              const e = document.activeElement;
              if (!e || e === document.body) return 'body';
              if (e.matches('svg.map path[data-i]')) return `region in ${e.closest('svg').id} ${e.dataset.i}`;
              if (e.closest('.downloads')) return `download ${e.textContent.trim()}`;
              return `${e.tagName === 'A' ? 'link' : e.tagName.toLowerCase()} ${(e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40)}`;
            }
            """);

    private static List<double> Numbers(string path) =>
        [.. NumberPattern().Matches(path).Select(m => Math.Round(double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)))];

    [GeneratedRegex("/cartogram/[A-Za-z0-9]{32}$")]
    private static partial Regex CartogramUrl();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();
}
