using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoCart.Lambda.Geo;
using GoCart.Site.Tests.PublicData;
using GoCart.Site.Tests.Site;
using UglyToad.PdfPig;

namespace GoCart.Site.Tests.Views;

/// <summary>
/// Far-flung regions made insets (farFlung "insets": each an inset of its own, as the upload's far-flung step
/// suggests them) are framed with divider lines and named like the data's Inset column's, on every panel type and
/// in every picture export: us-atlas's states, whose far-flung ones (Alaska, Hawaii, the territories) the reader
/// finds by itself. The view names an uploaded map's regions by their ids; the GeoJSON downloads name each feature's inset.
/// </summary>
public sealed partial class FarFlungInsetViewsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Panels = "panels=equal-area,contiguous,non-contiguous,choropleth";

    private readonly SiteClient _client = new(site.Factory);

    [Fact]
    public async Task Far_flung_insets_are_framed_and_named_on_every_panel_and_export()
    {
        var bytes = await File.ReadAllBytesAsync(PublicMaps.States10mTopoJson);
        var map = MapFileReader.Read(bytes, null, null);
        var farFlung = map.FarFlung.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Contains("02", farFlung);
        var key = await _client.SubmitAsync(new { geometry = JsonDocument.Parse(bytes).RootElement, values = SyntheticValues.For(map), farFlung = "insets", maxAreaError = 0.05 });
        var status = await _client.WaitAsync(key, TimeSpan.FromMinutes(5));
        Assert.Equal("succeeded", status.GetProperty("status").GetString());

        var page = WebUtility.HtmlDecode(await _client.GetPageAsync($"/cartogram/{key}?{Panels}"));
        var figures = page.Split("<figure class=\"panel\"")[1..];
        Assert.Equal(4, figures.Length);
        foreach (var figure in figures)
        {
            Assert.Equal(farFlung, InsetNames(figure));
            Assert.Equal(farFlung.Count, Regex.Count(InsetGroup(figure), "<rect "));
        }

        for (var panel = 1; panel <= 4; panel++)
        {
            var svg = WebUtility.HtmlDecode(await _client.Http.GetStringAsync($"/cartogram/{key}/panels/{panel}.svg?{Panels}"));
            Assert.Equal(farFlung, InsetNames(svg));
            using var pdf = PdfDocument.Open(await _client.Http.GetByteArrayAsync($"/cartogram/{key}/panels/{panel}.pdf?{Panels}"));
            var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToHashSet(StringComparer.Ordinal);
            Assert.All(farFlung, id => Assert.Contains(id, words));
        }

        var download = WebUtility.HtmlDecode(await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/cartogram.svg"));
        Assert.Equal(farFlung, InsetNames(download));
        await AssertGeoJsonNamesInsetsAsync(key, map, "cartogram.geojson");
        await AssertGeoJsonNamesInsetsAsync(key, map, "equal-area.geojson");
    }

    /// <summary>Every feature of the download has an inset property: the far-flung region's own inset (its side and its id, as the API's regions[].inset says), null on the main map.</summary>
    private async Task AssertGeoJsonNamesInsetsAsync(string key, SourceMap map, string file)
    {
        var ids = map.Regions.ToDictionary(r => r.Properties.GetProperty("name").GetString()!, r => r.Id, StringComparer.Ordinal);
        using var geojson = JsonDocument.Parse(await _client.Http.GetByteArrayAsync($"/api/v1/cartograms/{key}/{file}"));
        var features = geojson.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        Assert.Equal(map.Regions.Count, features.Count);
        foreach (var properties in features)
        {
            var id = ids[properties.GetProperty("name").GetString()!];
            var inset = properties.GetProperty("inset");
            Assert.Equal(map.FarFlung.TryGetValue(id, out var side) ? $"{side} {id}" : null, inset.ValueKind == JsonValueKind.Null ? null : inset.GetString());
        }
    }

    private static string InsetGroup(string svg) => InsetsPattern().Match(svg) is { Success: true } m ? m.Value : "";

    private static List<string> InsetNames(string svg) =>
        [.. NamePattern().Matches(InsetGroup(svg)).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex("<g class=\"insets\".*?</g>", RegexOptions.Singleline)]
    private static partial Regex InsetsPattern();

    [GeneratedRegex("<text [^>]*>([^<]*)</text>")]
    private static partial Regex NamePattern();
}
