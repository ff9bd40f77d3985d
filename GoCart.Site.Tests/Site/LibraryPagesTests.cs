using System.Net;
using GoCart.Site.Cartograms;
using GoCart.Site.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Site;

/// <summary>The map gallery, a map's page with its cached example, old link shapes and the information pages.</summary>
public sealed class LibraryPagesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly SiteClient _client = new(site.Factory);

    [Fact]
    public async Task The_gallery_lists_every_map_and_filters_by_name()
    {
        var all = await _client.GetPageAsync("/maps");
        Assert.Equal(25, all.Split("/thumbnail.svg").Length - 1);
        Assert.Contains("49 regions", all);

        var usa = await _client.GetPageAsync("/maps?q=usa");
        Assert.Equal(3, usa.Split("/thumbnail.svg").Length - 1);
        Assert.DoesNotContain("world_by_country_since_2022", usa);
    }

    [Fact]
    public async Task A_thumbnail_is_an_svg_of_the_map()
    {
        var response = await _client.Http.GetAsync("/maps/austria_by_state_since_1945/thumbnail.svg");
        var svg = await response.Content.ReadAsStringAsync();

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", svg);
        Assert.Equal(9, svg.Split("<path").Length - 1);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync("/maps/atlantis/thumbnail.svg")).StatusCode);
    }

    [Fact]
    public async Task A_map_page_computes_its_example_once_and_then_shows_both_maps_and_the_sources()
    {
        const string Map = "austria_by_state_since_1945";
        var first = await _client.GetPageAsync($"/maps/{Map}");
        Assert.Contains("geoBoundaries", first);
        Assert.Contains($"/create?map={Map}", first);
        var key = CartogramKeys.Example(Map);

        var status = await _client.WaitAsync(key);
        Assert.Equal("succeeded", status.GetProperty("status").GetString());

        var page = await _client.GetPageAsync($"/maps/{Map}");
        Assert.Contains("id=\"cartogram\"", page);
        Assert.Contains("id=\"equal-area\"", page);
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
        Assert.Equal(1, await db.Cartograms.CountAsync(c => c.MapId == Map && c.IsExample));
    }

    [Fact]
    public async Task Old_link_shapes_for_library_maps_redirect()
    {
        var response = await _client.Http.GetAsync("/cartogram/usa_by_state_since_1959");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/maps/usa_by_state_since_1959", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_queued_cartogram_page_shows_progress_and_refreshes_itself_without_javascript()
    {
        var key = CartogramKeys.New();
        using (var scope = site.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
            db.Cartograms.Add(new CartogramRecord
            {
                Key = key,
                Title = "Waiting",
                Status = CartogramRecordStatus.Queued,
                CreatedUtc = DateTime.UtcNow,
                LastAccessedUtc = DateTime.UtcNow,
                RequestJson = CompressedJson.Serialize(new CartogramSubmission { MapId = "austria_by_state_since_1945" }),
            });
            await db.SaveChangesAsync();
        }

        var page = await _client.GetPageAsync($"/cartogram/{key}");

        Assert.Contains("<noscript><meta http-equiv=\"refresh\" content=\"3\" /></noscript>", page);
        Assert.Contains($"data-progress-key=\"{key}\"", page);
        Assert.Contains("<progress", page);
    }

    [Theory]
    [InlineData("/", "cartogram")]
    [InlineData("/about", "Gastner")]
    [InlineData("/faq", "area error")]
    [InlineData("/tutorial", "template")]
    public async Task Information_pages_render(string url, string expected)
    {
        Assert.Contains(expected, await _client.GetPageAsync(url), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_cartograms_and_maps_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync("/cartogram/abcdefghijkmnopqrstuvwxyzABCDEFG")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync("/maps/atlantis")).StatusCode);
    }
}
