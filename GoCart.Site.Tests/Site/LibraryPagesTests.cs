using System.Net;
using System.Text.RegularExpressions;
using GoCart.Site.Cartograms;
using GoCart.Site.Data;
using GoCart.Site.Maps;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Maps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Site;

/// <summary>The map gallery, a map's page with its cached example, old link shapes and the information pages.</summary>
public sealed class LibraryPagesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly SiteClient _client = new(site.Factory);

    [LibraryFact]
    public async Task The_gallery_lists_every_map_but_the_test_map_grouped_by_continent()
    {
        var maps = site.Factory.Services.GetRequiredService<MapLibrary>();
        var all = await _client.GetPageAsync("/maps");

        Assert.Equal(maps.Maps.Count - 1, Count(all, "/cartogram.svg\""));
        Assert.Equal(maps.Maps.Count - 1, Count(all, "/thumbnail.svg\""));
        Assert.DoesNotContain("/maps/concentric_circles\"", all);
        Assert.Equal(HttpStatusCode.OK, (await _client.Http.GetAsync("/maps/concentric_circles")).StatusCode);
        Assert.Contains(">USA by state (since 1959)<", all);
        Assert.Contains(">Brazil by state (since 1988)<", all);
        Assert.Contains("49 regions", all);
        Assert.Contains("data 2020", all);
        foreach (var continent in new[] { "World", "Africa", "Americas", "Asia", "Europe", "Oceania" })
        {
            Assert.Contains($"<h2 id=\"continent-{continent}\">{continent}</h2>", all);
        }
    }

    [LibraryFact]
    public async Task The_gallery_filters_by_continent_and_by_map_or_country_name()
    {
        var usa = await _client.GetPageAsync("/maps?q=usa");
        var europe = await _client.GetPageAsync("/maps?continent=Europe");
        var portugal = await _client.GetPageAsync("/maps?q=Portugal");
        var portugalInAsia = await _client.GetPageAsync("/maps?q=Portugal&continent=Asia");

        // The three maps of the USA, and the world map, on which the USA is a country.
        Assert.Equal(4, Count(usa, "/cartogram.svg\""));
        Assert.Contains("/maps/world_by_country_since_2022\"", usa);
        Assert.Contains("/maps/austria_by_state_since_1945\"", europe);
        Assert.DoesNotContain("/maps/brazil_by_state_since_1988\"", europe);
        Assert.Contains("/maps/portugal_by_district\"", portugal);
        Assert.Contains("/maps/world_by_country_since_2022\"", portugal);
        Assert.Contains("/maps/europe_by_country\"", portugal);
        Assert.Equal(0, Count(portugalInAsia, "/cartogram.svg\""));
    }

    [LibraryFact]
    public async Task A_map_page_renders_its_provenance_as_html_and_names_the_licence()
    {
        var austria = await _client.GetPageAsync("/maps/austria_by_state_since_1945");
        var andorra = await _client.GetPageAsync("/maps/andorra_by_parish");
        var world = await _client.GetPageAsync("/maps/world_by_country_since_2022");

        Assert.Contains("<a href=\"https://doi.org/10.1371/journal.pone.0231866\">", austria);
        Assert.Contains("<pre><code>wld &lt;- geojson_sf(", world);
        Assert.DoesNotContain("```", world);
        Assert.Contains("CC BY 4.0 (geoBoundaries)", austria);
        Assert.Contains("Source not stated upstream", andorra);
    }

    [LibraryFact]
    public async Task The_about_page_names_every_map_and_its_licence_without_markdown_or_ids()
    {
        var about = await _client.GetPageAsync("/about");
        var text = Regex.Replace(Regex.Replace(about, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline), "<[^>]*>", " ");

        Assert.Contains("<a href=\"/maps/portugal_by_district\">Portugal by district</a>: Source not stated upstream", about);
        Assert.Contains("<a href=\"/maps/austria_by_state_since_1945\">Austria by state (since 1945)</a>: CC BY 4.0 (geoBoundaries)", about);
        Assert.DoesNotContain("```", about);
        Assert.DoesNotMatch(@"\b[a-z]+_[a-z0-9_]+\b", text);
    }

    [LibraryFact]
    public async Task A_thumbnail_answers_at_once_with_a_placeholder_and_then_with_an_svg_of_the_map()
    {
        const string Url = "/maps/austria_by_state_since_1945/thumbnail.svg";
        var first = await _client.Http.GetAsync(Url);
        Assert.Equal("no-store", first.Headers.CacheControl!.ToString());
        Assert.Equal(ThumbnailSvg.Placeholder, await first.Content.ReadAsStringAsync());

        var (response, svg) = await DrawnThumbnail.GetAsync(_client.Http, Url);
        Assert.Equal("public, max-age=86400", response.Headers.CacheControl!.ToString());
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", svg);
        Assert.Equal(9, svg.Split("<path").Length - 1);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync("/maps/atlantis/thumbnail.svg")).StatusCode);
    }

    [LibraryFact]
    public async Task A_map_page_computes_its_example_once_and_then_shows_both_maps_and_the_sources()
    {
        const string Map = "austria_by_state_since_1945";
        var first = await _client.GetPageAsync($"/maps/{Map}");
        Assert.Contains("geoBoundaries", first);
        Assert.Contains($"/create?map={Map}", first);
        var key = CartogramKeys.Example(site.Factory.Services.GetRequiredService<MapLibrary>().Find(Map)!);

        var status = await _client.WaitAsync(key);
        Assert.Equal("succeeded", status.GetProperty("status").GetString());

        var page = await _client.GetPageAsync($"/maps/{Map}");
        Assert.Contains("id=\"cartogram\"", page);
        Assert.Contains("id=\"equal-area\"", page);
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
        Assert.Equal(1, await db.Cartograms.CountAsync(c => c.MapId == Map && c.IsExample));
    }

    [LibraryFact]
    public async Task Old_link_shapes_for_library_maps_redirect()
    {
        var response = await _client.Http.GetAsync("/cartogram/usa_by_state_since_1959");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/maps/usa_by_state_since_1959", response.Headers.Location!.ToString());
    }

    [LibraryFact]
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

    [LibraryTheory]
    [InlineData("/", "cartogram")]
    [InlineData("/about", "Gastner")]
    [InlineData("/faq", "area error")]
    [InlineData("/tutorial", "template")]
    public async Task Information_pages_render(string url, string expected)
    {
        Assert.Contains(expected, await _client.GetPageAsync(url), StringComparison.OrdinalIgnoreCase);
    }

    private static int Count(string page, string text) => page.Split(text).Length - 1;

    [LibraryFact]
    public async Task Unknown_cartograms_and_maps_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync("/cartogram/abcdefghijkmnopqrstuvwxyzABCDEFG")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync("/maps/atlantis")).StatusCode);
    }
}
