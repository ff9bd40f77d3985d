using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Site;

/// <summary>Layers and the guardrail through the JSON API, against PostgreSQL, Redis and the real engine.</summary>
public sealed class LayerApiTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly SiteClient _client = new(site.Factory);

    [LibraryFact]
    public async Task Layers_come_back_in_both_geojson_downloads_and_a_rate_column_is_named_in_the_answer()
    {
        var line = JsonDocument.Parse("""{"type":"LineString","coordinates":[[-122.4194,37.7749],[-104.9903,39.7392],[-87.6298,41.8781],[-74.006,40.7128]]}""").RootElement;
        var response = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", new
        {
            map = "conterminous_usa_by_state_since_1959",
            csv = "State,Births per 1000 people\nTexas,13.7\nCalifornia,10.9\nOhio,11.1\nMaine,8.9\n",
            layers = new object[]
            {
                new { name = "cities.csv", csv = "label,longitude,latitude\nDenver,-104.9903,39.7392\nChicago,-87.6298,41.8781\n" },
                new { name = "coast to coast", geoJson = line },
            },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Births per 1000 people is a rate: a cartogram of it sizes regions by a number that does not add up. Use a choropleth, or a total such as Births.",
            created.GetProperty("guardrail").GetString(), StringComparison.Ordinal);
        var key = created.GetProperty("key").GetString()!;
        Assert.Equal($"/cartogram/{key}?panels=choropleth", created.GetProperty("choroplethView").GetString());

        var status = await _client.WaitAsync(key);
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        var choropleth = await _client.GetPageAsync(created.GetProperty("choroplethView").GetString()!);
        Assert.Contains("<figure class=\"panel\" data-panel=\"1\" data-type=\"choropleth\"", choropleth, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Choropleth: Births per 1000 people</figcaption>", choropleth, StringComparison.Ordinal);
        foreach (var file in new[] { "cartogram.geojson", "equal-area.geojson" })
        {
            var geojson = await _client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cartograms/{key}/{file}");
            var layers = geojson.GetProperty("features").EnumerateArray().Skip(49).ToList();
            Assert.Equal(3, layers.Count);
            Assert.Equal(["cities.csv", "cities.csv", "coast to coast"], layers.Select(f => f.GetProperty("properties").GetProperty("layer").GetString()));
            Assert.Equal("LineString", layers[2].GetProperty("geometry").GetProperty("type").GetString());
        }

        var svg = await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/cartogram.svg");
        Assert.Contains("data-label=\"Denver (cities.csv)\"", svg, StringComparison.Ordinal);
    }

    [LibraryFact]
    public async Task A_total_has_no_guardrail_and_a_bad_layer_answers_400_with_what_to_fix()
    {
        var total = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", new { map = "concentric_circles", values = new Dictionary<string, double?> { ["inner"] = 1, ["outer"] = 2 } });
        Assert.Equal(HttpStatusCode.Accepted, total.StatusCode);
        var answer = await total.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("guardrail").ValueKind);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("choroplethView").ValueKind);

        var polygon = JsonDocument.Parse("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""").RootElement;
        var bad = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", new
        {
            map = "concentric_circles",
            values = new Dictionary<string, double?> { ["inner"] = 1, ["outer"] = 2 },
            layers = new object[] { new { name = "zones", geoJson = polygon } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("layers take Points and lines", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
