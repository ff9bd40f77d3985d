using GoCart.Site.Cartograms;
using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using GoCart.Site.Maps;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Maps;

/// <summary>
/// The warm-up: every listed map's population cartogram is computed after start without anyone asking, so the
/// first visit shows it at once; unchanged library data asks for the same result; a restart computes nothing again.
/// </summary>
public class LibraryWarmUpTests
{
    private const string Austria = "austria_by_state_since_1945";

    [LibraryFact]
    public async Task Every_map_is_computed_before_its_first_visit_and_a_restart_computes_nothing_again()
    {
        using var own = OwnMaps.WithTwoSquares("twin_squares_by_half");
        using var data = new Deployment.TemporaryFolder("warm-up-data");
        Directory.CreateSymbolicLink(Path.Combine(own.Path, Austria), Path.Combine(RepositoryFiles.MapData, Austria));
        var settings = new Dictionary<string, string?>
        {
            [SiteSettings.MapsDirKey] = own.Path,
            [SiteSettings.WarmUpKey] = "true",
            [SiteSettings.DataDirKey] = data.Path,
        };
        List<DateTime?> finished;
        await using (var site = new GoCartFactory(settings))
        {
            var client = new SiteClient(site);
            var library = site.Services.GetRequiredService<MapLibrary>();
            await WaitForExamplesAsync(site, library);

            foreach (var map in library.Maps)
            {
                var page = await client.GetPageAsync($"/maps/{map.Id}");
                Assert.Contains("id=\"cartogram\"", page);
                Assert.DoesNotContain("<progress", page);
            }

            var (cartogramThumbnail, cartogramSvg) = await DrawnThumbnail.GetAsync(client.Http, $"/maps/{Austria}/cartogram.svg");
            Assert.Contains(ThumbnailSvg.CartogramStyle, cartogramSvg);
            Assert.Equal("public, max-age=86400", cartogramThumbnail.Headers.CacheControl!.ToString());
            finished = await FinishedAsync(site);
        }

        await using var restarted = new GoCartFactory(settings);
        await WaitForExamplesAsync(restarted, restarted.Services.GetRequiredService<MapLibrary>());
        using var scope = restarted.Services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
        Assert.Equal(2, await database.Cartograms.CountAsync(c => c.IsExample));
        Assert.Equal(2, await database.Cartograms.CountAsync());
        Assert.Equal(finished, await FinishedAsync(restarted));
    }

    private static async Task<List<DateTime?>> FinishedAsync(GoCartFactory site)
    {
        using var scope = site.Services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
        return await database.Cartograms.OrderBy(c => c.Key).Select(c => c.FinishedUtc).ToListAsync();
    }

    [LibraryFact]
    public async Task Making_a_cartogram_with_the_unchanged_library_data_answers_with_the_example()
    {
        await using var site = new GoCartFactory();
        var client = new SiteClient(site);
        var austria = site.Services.GetRequiredService<MapLibrary>().Find(Austria)!;

        var same = await client.SubmitAsync(new { map = Austria, csv = SiteClient.LibraryCsv(Austria, austria.DefaultDataFile) });
        var changed = await client.SubmitAsync(new { map = Austria, csv = SiteClient.LibraryCsv(Austria, austria.DefaultDataFile).Replace("Wien,", "Wien,1", StringComparison.Ordinal) });

        Assert.Equal(CartogramKeys.Example(austria), same);
        Assert.NotEqual(CartogramKeys.Example(austria), changed);
    }

    private static async Task WaitForExamplesAsync(GoCartFactory site, MapLibrary library)
    {
        var keys = library.Listed.Select(CartogramKeys.Example).ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            using var scope = site.Services.CreateScope();
            var database = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
            var done = await database.Cartograms.CountAsync(c => keys.Contains(c.Key) && c.Status == CartogramRecordStatus.Succeeded);
            if (done == keys.Count)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{done} of {keys.Count} examples computed after 3 minutes");
            await Task.Delay(250);
        }
    }
}
