using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// The result page's own controls on phones (320 and 390 px, touch, scripts on) with everything unfolded: the zoom
/// toolbar, the grid and colour settings, each of three panels' controls and exports, the downloads and the region
/// table's sort buttons are touch targets of at least 44 × 44 px, and nothing scrolls sideways. Screenshots are kept.
/// </summary>
public sealed class ResultControlsPhoneTests
{
    private const string Map = "austria_by_state_since_1945";

    /// <summary>Besides <see cref="PageChecks.Controls"/>: what the result page adds that a finger must hit.</summary>
    private const string ResultControls = PageChecks.Controls + ", .panel-exports a, label.zoom-alone, .region-table th button";

    [LibraryFact]
    public async Task Every_result_control_unfolded_is_a_44_px_target_on_a_phone()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        var client = new SiteClient(factory);
        var key = await client.SubmitAsync(new { map = Map, csv = SiteClient.LibraryCsv(Map, "austria_population_by_state_2020.csv") });
        Assert.Equal("succeeded", (await client.WaitAsync(key, TimeSpan.FromMinutes(3))).GetProperty("status").GetString());
        await using var browser = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, HasTouch = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        var problems = new List<string>();

        foreach (var width in new[] { 320, 390 })
        {
            await page.SetViewportSizeAsync(width, 844);
            await page.GotoAsync($"{site}/cartogram/{key}?panels=equal-area,contiguous,choropleth");
            await Assertions.Expect(page.Locator("svg.map")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator(".zoom-tools")).ToBeVisibleAsync();
            await page.EvaluateAsync("() => document.querySelectorAll('.result details').forEach((d) => { d.open = true; })");
            await Assertions.Expect(page.Locator("label.zoom-alone")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator(".panel-exports a").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".region-table th button").First).ToBeVisibleAsync();

            if (await PageChecks.SmallTargetsAsync(page, ResultControls) is { Length: > 0 } small)
            {
                problems.Add($"{width} px: targets under {PageChecks.MinimumTarget} px: {small}");
            }

            if (await PageChecks.OverflowAsync(page) is { Length: > 0 } overflow)
            {
                problems.Add($"{width} px: {overflow}");
            }

            await Chromium.ScreenshotAsync(page, $"phone-{width}-result-controls-unfolded");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
