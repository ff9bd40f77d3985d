using System.Text.RegularExpressions;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.Site;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Views;

/// <summary>
/// The panels in Chromium: switching a panel from the cartogram to the equal-area map morphs it onto the other
/// panel's shapes, zoom by keyboard and wheel moves every panel together and re-rounds the area legend, and
/// three panels stack on a 360 px phone without horizontal scrolling. Screenshots are kept as test artefacts.
/// </summary>
public sealed partial class PanelBrowserTests
{
    private const string Map = "austria_by_state_since_1945";

    [LibraryFact]
    public async Task A_panel_morphs_to_another_view_and_the_keyboard_and_wheel_zoom_every_panel()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync($"{site}/maps/{Map}", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("svg#cartogram").WaitForAsync();
        await page.ReloadAsync();
        await page.Locator("svg#cartogram").WaitForAsync();

        // Panel 2, the cartogram, becomes the equal-area map: its regions end on panel 1's shapes.
        var equalArea = await page.Locator("svg#equal-area path[data-i='0']").GetAttributeAsync("d");
        var before = await page.Locator("figure[data-panel='2'] svg.map path[data-i='0']").GetAttributeAsync("d");
        await page.Locator("figure[data-panel='2'] details.panel-settings summary").ClickAsync();
        await page.Locator("figure[data-panel='2'] select.panel-type").SelectOptionAsync("equal-area");
        await Assertions.Expect(page.Locator("figure[data-panel='2']")).ToHaveAttributeAsync("data-type", "equal-area");
        var after = await page.Locator("figure[data-panel='2'] svg.map path[data-i='0']").GetAttributeAsync("d");
        Assert.NotEqual(Numbers(before!), Numbers(after!));
        Assert.Equal(Numbers(equalArea!), Numbers(after!));
        Assert.EndsWith("panels=equal-area&panels=equal-area", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("figure[data-panel='2'] figcaption")).ToHaveTextAsync("Equal-area map");
        await Chromium.ScreenshotAsync(page, "views-panel-morphed");

        // Back to the cartogram, with the keyboard on the map: + zooms both panels, the legend says what its square is worth now.
        await page.Locator("figure[data-panel='2'] select.panel-type").SelectOptionAsync("contiguous");
        await Assertions.Expect(page.Locator("figure[data-panel='2']")).ToHaveAttributeAsync("data-type", "contiguous");
        var legend = page.Locator("svg#cartogram g.legend text");
        var legendBefore = await legend.TextContentAsync();
        await page.Locator("svg#equal-area path[tabindex='0']").FocusAsync();
        await page.Keyboard.PressAsync("+");
        await page.Keyboard.PressAsync("+");
        await page.Keyboard.PressAsync("Shift+ArrowLeft");
        foreach (var id in new[] { "equal-area", "cartogram" })
        {
            Assert.Contains("scale(1.5625)", await page.Locator($"svg#{id} g.viewport").GetAttributeAsync("transform"));
        }

        Assert.NotEqual(legendBefore, await legend.TextContentAsync());
        Assert.Equal("region in equal-area 0", await page.EvaluateAsync<string>("() => `region in ${document.activeElement.closest('svg').id} ${document.activeElement.dataset.i}`"));
        await Chromium.ScreenshotAsync(page, "views-zoom-keyboard");
        await page.Keyboard.PressAsync("0");
        Assert.Contains("scale(1.0000)", await page.Locator("svg#cartogram g.viewport").GetAttributeAsync("transform"));
        Assert.Equal(legendBefore, await legend.TextContentAsync());

        // The wheel zooms about the pointer, every panel together.
        var box = (await page.Locator("svg#cartogram").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.WheelAsync(0, -100);
        await Assertions.Expect(page.Locator("svg#equal-area")).ToHaveAttributeAsync("data-zoom", "1.2500");
        await Assertions.Expect(page.Locator("svg#cartogram")).ToHaveAttributeAsync("data-zoom", "1.2500");
        await Chromium.ScreenshotAsync(page, "views-zoom-wheel");

        // Three panels on a 360 px phone: stacked, no sideways scrolling.
        var phone = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 360, Height = 780 } });
        await phone.GotoAsync($"{site}/maps/{Map}?panels=equal-area,non-contiguous,choropleth");
        await phone.Locator("figure[data-panel='3'] svg.map").WaitForAsync();
        var overflow = await PageChecks.OverflowAsync(phone);
        Assert.True(overflow.Length == 0, overflow);
        var first = (await phone.Locator("figure[data-panel='1']").BoundingBoxAsync())!;
        var second = (await phone.Locator("figure[data-panel='2']").BoundingBoxAsync())!;
        Assert.True(second.Y >= first.Y + first.Height - 1, "The panels are stacked on a phone.");
        await Chromium.ScreenshotAsync(phone, "views-phone-three-panels");
    }

    private static List<double> Numbers(string path) =>
        [.. NumberPattern().Matches(path).Select(m => Math.Round(double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();
}
