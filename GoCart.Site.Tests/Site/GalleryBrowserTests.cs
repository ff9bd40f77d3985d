using GoCart.Site.Cartograms;
using GoCart.Site.Data;
using GoCart.Site.Maps;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// The gallery with go-cart.io's whole library in a real browser: filter by a continent and a search term as a
/// visitor does, see a map's equal-area outline in place of its cartogram on hover or focus, open a map whose
/// example the warm-up has computed and see its cartogram at once; the gallery stays light (lazy thumbnails).
/// </summary>
public sealed class GalleryBrowserTests
{
    private const string Map = "portugal_by_district";

    [LibraryFact]
    public async Task A_visitor_filters_the_gallery_and_opens_a_map_with_its_cartogram_ready()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        await ComputeExampleAsync(factory, Map);
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync($"{site}/maps", new() { WaitUntil = WaitUntilState.Load });
        var listed = factory.Services.GetRequiredService<MapLibrary>().Listed.Count();
        await Assertions.Expect(page.Locator("#gallery-count")).ToHaveTextAsync($"{listed} maps");
        var transferred = await page.EvaluateAsync<double>(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((s, e) => s + e.transferSize, 0)");
        Assert.True(transferred < 1.5e6, $"the gallery transferred {transferred / 1e6:0.00} MB");

        await page.GetByLabel("Continent").SelectOptionAsync("Europe");
        var europe = await page.Locator("li[data-search]:visible").CountAsync();
        await page.GetByLabel("Search").FillAsync("portugal");
        await Assertions.Expect(page.Locator("li[data-search]:visible")).ToHaveCountAsync(3);
        Assert.True(europe > 20, $"{europe} maps of Europe");
        await Assertions.Expect(page.Locator("section[data-continent=Asia]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#gallery-count")).ToHaveTextAsync("3 maps");
        await Chromium.ScreenshotAsync(page, "gallery-filtered");

        var portugal = page.GetByRole(AriaRole.Link, new() { Name = "Portugal by district" });
        Assert.Equal(2 * listed, await page.Locator("ul.gallery img[loading=lazy]").CountAsync());
        await Assertions.Expect(portugal.Locator("img.cartogram")).ToBeVisibleAsync();
        await Assertions.Expect(portugal.Locator("img.outline")).ToBeHiddenAsync();
        await portugal.HoverAsync();
        await Assertions.Expect(portugal.Locator("img.outline")).ToBeVisibleAsync();
        await Assertions.Expect(portugal.Locator("img.cartogram")).ToBeHiddenAsync();
        await page.Mouse.MoveAsync(0, 0);
        await Assertions.Expect(portugal.Locator("img.outline")).ToBeHiddenAsync();
        await portugal.FocusAsync();
        await Assertions.Expect(portugal.Locator("img.outline")).ToBeVisibleAsync();

        await portugal.ClickAsync();
        await page.WaitForURLAsync($"{site}/maps/{Map}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Equal(1, await page.Locator("svg#cartogram").CountAsync());
        Assert.Equal(0, await page.Locator(".progress-panel").CountAsync());
        await Chromium.ScreenshotAsync(page, "library-map");
    }

    /// <summary>What the warm-up does for every map, done here for one (the whole library would take minutes).</summary>
    private static async Task ComputeExampleAsync(GoCartFactory factory, string mapId)
    {
        using var scope = factory.Services.CreateScope();
        var map = factory.Services.GetRequiredService<MapLibrary>().Find(mapId)!;
        var example = await scope.ServiceProvider.GetRequiredService<CartogramSubmitter>().EnsureExampleAsync(map, CancellationToken.None);
        var database = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (await database.Cartograms.AsNoTracking().Where(c => c.Key == example.Key).Select(c => c.Status).FirstAsync() is not CartogramRecordStatus.Succeeded)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the example of {mapId} was not computed in 2 minutes");
            await Task.Delay(200);
        }
    }
}
