using System.Net;
using System.Text.RegularExpressions;
using GoCart.Site.Cartograms;
using GoCart.Site.Maps;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Views;

/// <summary>
/// The result view's panels as the server renders them, without JavaScript: every view type, the GET forms that
/// change them (add, remove, colours, grid), clear messages for what cannot be read, and each panel's exports.
/// </summary>
public sealed partial class PanelPagesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Map = "austria_by_state_since_1945";

    private readonly SiteClient _client = new(site.Factory);

    [LibraryFact]
    public async Task Every_view_type_renders_server_side_in_its_own_panel()
    {
        var key = await ExampleAsync();
        var page = await _client.GetPageAsync($"/cartogram/{key}?panels=equal-area,contiguous,non-contiguous,choropleth&breaks=equal-interval&classes=4");

        Assert.Equal(["equal-area", "contiguous", "non-contiguous", "choropleth"], PanelTypes().Matches(page).Select(m => m.Groups[1].Value));
        Assert.Contains("id=\"equal-area\"", page);
        Assert.Contains("id=\"cartogram\"", page);
        Assert.Contains("id=\"panel-3\"", page);
        Assert.Contains("id=\"panel-4\"", page);
        Assert.Equal(4, Count(page, "<g class=\"viewport\">"));
        Assert.Equal(1, Count(page, "<g class=\"background\""));
        Assert.Equal(1, Count(page, "<g class=\"colour-legend\""));
        Assert.Contains("Choropleth: ", page);
        Assert.Contains("Non-contiguous cartogram: ", page);
        // Four classes of equal intervals: four swatches in the key.
        var key4 = page[page.IndexOf("<g class=\"colour-legend\"", StringComparison.Ordinal)..];
        Assert.Equal(4, Count(key4[..key4.IndexOf("</g>", StringComparison.Ordinal)], "<rect"));
        Assert.True(Count(page, "<text data-i=") >= 4 * 5, "Labels inside the regions of every panel.");
    }

    [LibraryFact]
    public async Task The_default_is_the_equal_area_map_and_the_cartogram_and_the_forms_add_remove_and_colour_panels()
    {
        var key = await ExampleAsync();
        var page = await _client.GetPageAsync($"/cartogram/{key}");
        Assert.Equal(["equal-area", "contiguous"], PanelTypes().Matches(page).Select(m => m.Groups[1].Value));
        Assert.Contains("<form method=\"get\" class=\"view-form\"", page);
        Assert.Equal(2, Count(page, "<select name=\"panels\""));
        Assert.Contains("name=\"add\" value=\"1\"", page);
        Assert.Contains("name=\"remove\" value=\"2\"", page);

        // What the forms submit: panels repeated, plus a button's add or remove.
        var added = await _client.GetPageAsync($"/cartogram/{key}?panels=equal-area&panels=choropleth&add=1");
        Assert.Equal(["equal-area", "choropleth", "contiguous"], PanelTypes().Matches(added).Select(m => m.Groups[1].Value));
        var removed = await _client.GetPageAsync($"/cartogram/{key}?panels=equal-area&panels=choropleth&panels=contiguous&remove=1");
        Assert.Equal(["choropleth", "contiguous"], PanelTypes().Matches(removed).Select(m => m.Groups[1].Value));
        var five = await _client.GetPageAsync($"/cartogram/{key}?panels=equal-area,contiguous,contiguous,choropleth,non-contiguous&add=1");
        Assert.Equal(5, PanelTypes().Count(five));
        Assert.DoesNotContain("name=\"add\"", five);

        // Sized by the column, coloured by a column: the cartogram's fills become classes with a key.
        var coloured = await _client.GetPageAsync($"/cartogram/{key}?panels=contiguous&by=0&scheme=categorical&grid=medium&opacity=80");
        Assert.Equal(1, Count(coloured, "<g class=\"colour-legend\""));
        Assert.Contains("fill=\"#4e79a7\"", coloured);
        Assert.Contains("class=\"grid on\"", coloured);
        Assert.Contains("stroke-opacity=\"0.8\"", coloured);
    }

    [LibraryFact]
    public async Task Settings_that_cannot_be_read_say_what_to_write_and_the_defaults_show()
    {
        var key = await ExampleAsync();
        var page = WebUtility.HtmlDecode(await _client.GetPageAsync($"/cartogram/{key}?panels=pie&breaks=custom&custom=5,x&classes=40"));

        Assert.Contains("Panel \"pie\" is not a view: use equal-area, contiguous, non-contiguous or choropleth.", page);
        Assert.Contains("Custom break \"x\" is not a number", page);
        Assert.Contains("40 classes: use a whole number from 2 to 9.", page);
        Assert.Equal(["equal-area", "contiguous"], PanelTypes().Matches(page).Select(m => m.Groups[1].Value));
    }

    [LibraryFact]
    public async Task Each_panel_exports_as_svg_and_png_with_title_legends_grid_and_credit()
    {
        var key = await ExampleAsync();
        var query = "panels=equal-area,choropleth&grid=small";
        var svg = await _client.Http.GetAsync($"/cartogram/{key}/panels/2.svg?{query}");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        var text = WebUtility.HtmlDecode(await svg.Content.ReadAsStringAsync());
        Assert.Contains("<text class=\"title\"", text);
        Assert.Contains("Choropleth: Population", text);
        Assert.Contains("Made with GoCart · data: Population", text);
        Assert.Contains("<g class=\"colour-legend\"", text);
        Assert.Contains("<g class=\"legend\"", text);
        Assert.Contains("km²", text);
        Assert.Contains("class=\"grid on\"", text);
        Assert.DoesNotContain("tabindex", text);

        var withoutGrid = await _client.Http.GetStringAsync($"/cartogram/{key}/panels/1.svg?panels=equal-area");
        Assert.DoesNotContain("class=\"grid", withoutGrid);

        var png = await _client.Http.GetByteArrayAsync($"/cartogram/{key}/panels/2.png?{query}");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.True(png.Length > 10_000, $"The PNG has only {png.Length} bytes.");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync($"/cartogram/{key}/panels/3.svg?{query}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync($"/cartogram/{key}/panels/1.gif")).StatusCode);
    }

    [LibraryFact]
    public async Task Insets_from_the_data_are_framed_and_named_on_every_panel_and_in_the_exports()
    {
        var csv = SiteClient.LibraryCsv("usa_by_state_since_1959", "usa_population_by_state_2020_insetted.csv");
        var key = await _client.SubmitAsync(new { map = "usa_by_state_since_1959", csv });
        Assert.Equal("succeeded", (await _client.WaitAsync(key)).GetProperty("status").GetString());

        var page = await _client.GetPageAsync($"/cartogram/{key}?panels=equal-area,contiguous,non-contiguous");
        Assert.Equal(3, Count(page, "<g class=\"insets\""));
        Assert.Equal(3, Count(page, "fill=\"#5b6474\">Alaska</text>"));
        Assert.Equal(3, Count(page, "fill=\"#5b6474\">Hawaii</text>"));
        var svg = await _client.Http.GetStringAsync($"/cartogram/{key}/panels/2.svg?panels=equal-area,contiguous");
        Assert.Contains("<g class=\"insets\"", svg);
        Assert.Contains("fill=\"#5b6474\">Alaska</text>", svg);
    }

    private async Task<string> ExampleAsync()
    {
        await _client.GetPageAsync($"/maps/{Map}");
        var key = CartogramKeys.Example(site.Factory.Services.GetRequiredService<MapLibrary>().Find(Map)!);
        var status = await _client.WaitAsync(key);
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        return key;
    }

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));

    [GeneratedRegex("<figure class=\"panel\" data-panel=\"\\d\" data-type=\"([a-z-]+)\"")]
    private static partial Regex PanelTypes();
}
