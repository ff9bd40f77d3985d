using System.Net;
using System.Text.RegularExpressions;
using GoCart.Site.Tests.Site;
using UglyToad.PdfPig;

namespace GoCart.Site.Tests.Views;

/// <summary>
/// The result view over every column of a dataset, rendered by the server without JavaScript: the world map with
/// population, a GDP-like column and a derived density, all three computed; every view type of every column in
/// its own panel, the cartograms of different columns sharing the equal-area map's vertices (so they morph), the
/// colouring by any column, the table and tooltips over every column, links per column in place of "Play", ids
/// unique on the page, and each panel's PDF read back with a PDF parser.
/// </summary>
public sealed partial class DatasetViewsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly SiteClient _client = new(site.Factory);

    [Fact]
    public async Task Every_panel_type_of_every_column_renders_and_the_cartograms_share_the_equal_area_vertices()
    {
        var key = await WorldDataset.ComputeAsync(_client);

        var equalArea = "";
        var cartograms = new List<string>();
        for (var c = 0; c < WorldDataset.Columns.Count; c++)
        {
            var page = WebUtility.HtmlDecode(await _client.GetPageAsync($"/cartogram/{key}?panels=equal-area,contiguous.{c},non-contiguous.{c},choropleth.{c}"));
            Assert.Equal(["equal-area", "contiguous", "non-contiguous", "choropleth"], PanelTypes().Matches(page).Select(m => m.Groups[1].Value));
            Assert.Equal(4, Count(page, "<g class=\"viewport\">"));
            var name = WorldDataset.Columns[c];
            Assert.Contains($"<figcaption>Cartogram: {name}</figcaption>", page);
            Assert.Contains($"<figcaption>Non-contiguous cartogram: {name}</figcaption>", page);
            Assert.Contains($"<figcaption>Choropleth: {name}</figcaption>", page);
            Assert.DoesNotContain("class=\"panel-waiting\"", page);
            equalArea = RegionPath(page, "equal-area");
            cartograms.Add(RegionPath(page, "cartogram"));
            AssertIdsUnique(page);
        }

        // Each column's own cartogram, every one with the equal-area map's vertices (the morph pairs them one to one).
        Assert.Equal(3, cartograms.Distinct().Count());
        Assert.All(cartograms, d => Assert.Equal(Numbers(equalArea), Numbers(d)));
    }

    [Fact]
    public async Task The_page_lists_every_column_opens_on_the_column_asked_for_and_colours_by_any_column()
    {
        var key = await WorldDataset.ComputeAsync(_client);

        var first = WebUtility.HtmlDecode(await _client.GetPageAsync($"/cartogram/{key}"));
        Assert.Equal(["equal-area", "contiguous"], PanelTypes().Matches(first).Select(m => m.Groups[1].Value));
        Assert.Contains("<figcaption>Cartogram: Population (people)</figcaption>", first);
        foreach (var name in WorldDataset.Columns)
        {
            Assert.Contains($"data-sort=\"number\">{name}</th>", first);
            Assert.Contains($"<optgroup label=\"{name}\">", first);
        }

        // One tooltip for every panel: each column's value of the region.
        var tooltips = Regex.Match(first, "<script type=\"application/json\" class=\"region-data\">(.*?)</script>").Groups[1].Value;
        Assert.Contains("\"GDP (million USD): ", tooltips);
        Assert.Contains("\"Density (people per km2): ", tooltips);

        // Without JavaScript the play control is hidden and each column is a link that puts its cartogram in the panel.
        Assert.Contains("data-play=\"2\" aria-describedby=\"play-status\" hidden", first);
        Assert.Contains("href=\"?panels=equal-area,contiguous.1\" data-column=\"1\">GDP (million USD)</a>", first);
        Assert.Contains("href=\"?panels=equal-area,contiguous.2\" data-column=\"2\">Density (people per km2)</a>", first);

        var second = WebUtility.HtmlDecode(await _client.GetPageAsync($"/cartogram/{key}?column=1"));
        Assert.Contains("<figcaption>Cartogram: GDP (million USD)</figcaption>", second);
        Assert.Contains("<strong>GDP (million USD):</strong>", second);
        Assert.Contains("<input type=\"hidden\" name=\"column\" value=\"1\" />", second);

        var coloured = WebUtility.HtmlDecode(await _client.GetPageAsync($"/cartogram/{key}?panels=contiguous,contiguous.1&by=2"));
        Assert.Equal(2, Count(coloured, "<g class=\"colour-legend\""));
        Assert.Contains("people per km2", coloured[coloured.IndexOf("<g class=\"colour-legend\"", StringComparison.Ordinal)..]);
        Assert.Contains("<option value=\"2\" selected=\"selected\">Density (people per km2)</option>", coloured);
    }

    [Fact]
    public async Task Each_panel_exports_as_a_pdf_with_its_title_legends_unit_and_credit()
    {
        var key = await WorldDataset.ComputeAsync(_client);

        var response = await _client.Http.GetAsync($"/cartogram/{key}/panels/2.pdf?panels=equal-area,choropleth.1&grid=small");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using (var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync()))
        {
            var page = Assert.Single(pdf.GetPages());
            Assert.Equal(640, page.Width, 0.5);
            var text = string.Join(" ", page.GetWords().Select(w => w.Text));
            Assert.Contains("Choropleth: GDP (million USD)", text);
            Assert.Contains("million USD", text[text.IndexOf("USD)", StringComparison.Ordinal)..]);
            Assert.Contains("km²", text);
            Assert.Contains("Made with GoCart · data: Population (people), GDP (million USD), Density (people per km2)", text);
            Assert.Contains("Choropleth: GDP (million USD)", pdf.Information.Title);
            Assert.True(page.Paths.Count > 150, $"The choropleth has {page.Paths.Count} vector paths.");
        }

        var cartogram = await _client.Http.GetByteArrayAsync($"/cartogram/{key}/panels/1.pdf?panels=contiguous.2");
        using (var pdf = PdfDocument.Open(cartogram))
        {
            var text = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
            Assert.Contains("· Cartogram: Density", text);
            Assert.Contains("people per km2 Made with GoCart", text);
        }

        var svg = WebUtility.HtmlDecode(await _client.Http.GetStringAsync($"/cartogram/{key}/panels/1.svg?panels=contiguous.1&column=1"));
        Assert.Contains("Cartogram: GDP (million USD)", svg);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync($"/cartogram/{key}/panels/1.pdf?column=9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync($"/cartogram/{key}/panels/3.pdf?panels=contiguous.1")).StatusCode);
    }

    /// <summary>The first region's path in the panel whose SVG has the given id.</summary>
    private static string RegionPath(string page, string id)
    {
        var svg = page[page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal)..];
        return Regex.Match(svg, "<path data-i=\"0\"[^>]* d=\"([^\"]+)\"").Groups[1].Value;
    }

    private static void AssertIdsUnique(string page)
    {
        var repeated = IdAttribute().Matches(page).GroupBy(m => m.Groups[1].Value).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"Repeated ids: {string.Join(", ", repeated)}");
    }

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));

    private static int Numbers(string path) => NumberPattern().Count(path);

    [GeneratedRegex("<figure class=\"panel\" data-panel=\"\\d\" data-type=\"([a-z-]+)\"")]
    private static partial Regex PanelTypes();

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();
}
