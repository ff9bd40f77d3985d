using System.Text.RegularExpressions;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.Site;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Views;

/// <summary>
/// The dataset's panels in Chromium, on the world map with three computed columns: "Play" morphs the cartogram
/// panel through the columns point by point and ends on the server's drawing of the last; with reduced motion it
/// switches without animating; "Morph" then morphs the switched panel to the equal-area map and back to its
/// new column, and hides when no equal-area panel is left; a panel switched to another column keeps every id on the page unique; one panel
/// zooms alone by keyboard and wheel while the others keep theirs; and without JavaScript the column links and
/// the panel form do the same. Screenshots are kept as test artefacts.
/// </summary>
public sealed partial class DatasetViewsBrowserTests
{
    [Fact]
    public async Task Play_morphs_the_cartogram_through_the_columns_and_one_panel_zooms_alone()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        var key = await WorldDataset.ComputeAsync(new SiteClient(factory));
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(90_000);
        var last = await ServerPathAsync(page, $"{site}/cartogram/{key}?panels=equal-area,contiguous.2");
        await page.GotoAsync($"{site}/cartogram/{key}");
        var panel = page.Locator("figure[data-panel='2']");
        var region = panel.Locator("svg.map g.regions path[data-i='0']");
        var first = await region.GetAttributeAsync("d");

        var play = page.Locator("button[data-play]");
        await Assertions.Expect(play).ToBeVisibleAsync();
        await play.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(play).ToHaveAttributeAsync("aria-pressed", "true");
        await Chromium.ScreenshotAsync(page, "views-dataset-playing");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-step", "2");
        await Assertions.Expect(play).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(panel.Locator("figcaption")).ToHaveTextAsync("Cartogram: Density (people per km2)");
        await Assertions.Expect(page.Locator("#play-status")).ToHaveTextAsync("Column 3 of 3: Density (people per km2)");
        var played = await region.GetAttributeAsync("d");
        Assert.Equal(Numbers(last), Numbers(played!));
        Assert.NotEqual(Numbers(first!), Numbers(played!));
        Assert.Equal(Numbers(first!).Count, Numbers(played!).Count);
        Assert.EndsWith("panels=equal-area&panels=contiguous.2", page.Url, StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(page, "views-dataset-played");

        // "Morph" finds the panels by what they show now: panel 2 (switched by Play) morphs to the equal-area map and back to the density cartogram.
        var morph = page.Locator("button[data-morph]");
        var equalArea = await page.Locator("figure[data-panel='1'] svg.map g.regions path[data-i='0']").GetAttributeAsync("d");
        await morph.ClickAsync();
        await Assertions.Expect(panel.Locator("svg.map")).ToHaveAttributeAsync("data-showing", "equal-area");
        AssertClose(equalArea!, (await region.GetAttributeAsync("d"))!);
        await Assertions.Expect(morph).ToHaveTextAsync("Morph back to the cartogram");
        await morph.ClickAsync();
        await Assertions.Expect(panel.Locator("svg.map")).ToHaveAttributeAsync("data-showing", "cartogram");
        AssertClose(last, (await region.GetAttributeAsync("d"))!);

        // Panel 1 becomes column 1's cartogram: the server names it "cartogram" now, yet every id stays unique here.
        await page.Locator("figure[data-panel='1'] details.panel-settings summary").ClickAsync();
        await page.Locator("figure[data-panel='1'] select.panel-type").SelectOptionAsync("contiguous.1");
        await Assertions.Expect(page.Locator("figure[data-panel='1']")).ToHaveAttributeAsync("data-type", "contiguous");
        await Assertions.Expect(page.Locator("figure[data-panel='1'] figcaption")).ToHaveTextAsync("Cartogram: GDP (million USD)");
        Assert.Equal("", await RepeatedIdsAsync(page));
        // Two cartograms and no equal-area map: nothing to morph between.
        await Assertions.Expect(morph).ToBeHiddenAsync();

        // Panel 1 zooms alone by keyboard; the wheel over panel 2 zooms only the panels that zoom together.
        await page.Locator("figure[data-panel='1'] [data-zoom-alone]").CheckAsync();
        await page.Locator("figure[data-panel='1'] svg.map path[tabindex='0']").FocusAsync();
        await page.Keyboard.PressAsync("+");
        await page.Keyboard.PressAsync("+");
        await Assertions.Expect(page.Locator("figure[data-panel='1'] svg.map")).ToHaveAttributeAsync("data-zoom", "1.5625");
        await Assertions.Expect(page.Locator("figure[data-panel='2'] svg.map")).ToHaveAttributeAsync("data-zoom", "1.0000");
        var box = (await page.Locator("figure[data-panel='2'] svg.map").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.WheelAsync(0, -100);
        await Assertions.Expect(page.Locator("figure[data-panel='2'] svg.map")).ToHaveAttributeAsync("data-zoom", "1.2500");
        await Assertions.Expect(page.Locator("figure[data-panel='1'] svg.map")).ToHaveAttributeAsync("data-zoom", "1.5625");
        await Chromium.ScreenshotAsync(page, "views-dataset-zoom-alone");
        await page.Locator("figure[data-panel='1'] [data-zoom-alone]").UncheckAsync();
        await Assertions.Expect(page.Locator("figure[data-panel='1'] svg.map")).ToHaveAttributeAsync("data-zoom", "1.2500");

        // Reduced motion: the panel switches to the next column at once, without a morph's frames in between.
        var still = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, ReducedMotion = ReducedMotion.Reduce });
        await still.GotoAsync($"{site}/cartogram/{key}");
        await still.EvaluateAsync("""
            () => { window.drawn = 0; new MutationObserver((changes) => { window.drawn += changes.length; })
              .observe(document.querySelector("figure[data-panel='2'] g.regions path[data-i='0']"), { attributes: true, attributeFilter: ['d'] }); }
            """);
        await still.Locator("button[data-play]").ClickAsync();
        await Assertions.Expect(still.Locator("figure[data-panel='2']")).ToHaveAttributeAsync("data-step", "1");
        var changes = await still.EvaluateAsync<int>("() => window.drawn");
        Assert.InRange(changes, 1, 3);
        await Chromium.ScreenshotAsync(still, "views-dataset-reduced-motion");
    }

    [Fact]
    public async Task Without_javascript_the_column_links_and_the_panel_form_show_any_column()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        var key = await WorldDataset.ComputeAsync(new SiteClient(factory));
        await using var browser = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync($"{site}/cartogram/{key}");
        Assert.False(await page.Locator("button[data-play]").IsVisibleAsync());

        await page.Locator(".column-steps a", new() { HasText = "GDP (million USD)" }).ClickAsync();
        await Assertions.Expect(page.Locator("figure[data-panel='2'] figcaption")).ToHaveTextAsync("Cartogram: GDP (million USD)");
        await Assertions.Expect(page.Locator(".column-steps strong")).ToHaveTextAsync("GDP (million USD)");

        await page.Locator("figure[data-panel='1'] details.panel-settings summary").ClickAsync();
        await page.Locator("figure[data-panel='1'] select.panel-type").SelectOptionAsync("choropleth.2");
        await page.Locator("figure[data-panel='1'] button", new() { HasText = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("figure[data-panel='1']")).ToHaveAttributeAsync("data-type", "choropleth");
        await Assertions.Expect(page.Locator("figure[data-panel='1'] figcaption")).ToHaveTextAsync("Choropleth: Density (people per km2)");
        await Assertions.Expect(page.Locator("figure[data-panel='2'] figcaption")).ToHaveTextAsync("Cartogram: GDP (million USD)");
        Assert.Equal("", await RepeatedIdsAsync(page));
        await Chromium.ScreenshotAsync(page, "views-dataset-without-javascript");
    }

    private static async Task<string> ServerPathAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        return (await page.Locator("figure[data-panel='2'] svg.map g.regions path[data-i='0']").GetAttributeAsync("d"))!;
    }

    private static Task<string> RepeatedIdsAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            () => { const seen = new Map(); for (const e of document.querySelectorAll('[id]')) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
              return [...seen].filter(([, n]) => n > 1).map(([id]) => id).join(', '); }
            """);

    /// <summary>The same drawing, up to the morph's rounding to tenths.</summary>
    private static void AssertClose(string expected, string actual)
    {
        var want = Exact(expected);
        var got = Exact(actual);
        Assert.Equal(want.Count, got.Count);
        var far = want.Zip(got).Count(p => Math.Abs(p.First - p.Second) > 0.11);
        Assert.True(far == 0, $"{far} of {want.Count} numbers differ by more than 0.11");
    }

    private static List<double> Exact(string path) =>
        [.. NumberPattern().Matches(path).Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static List<double> Numbers(string path) =>
        [.. NumberPattern().Matches(path).Select(m => Math.Round(double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();
}
