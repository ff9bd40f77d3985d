using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Site;

/// <summary>The public JSON API against PostgreSQL, Redis and the real engine.</summary>
public sealed class ApiTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly SiteClient _client = new(site.Factory);

    [LibraryFact]
    public async Task Maps_lists_every_library_map_but_the_test_map_with_its_region_count()
    {
        var maps = await _client.Http.GetFromJsonAsync<JsonElement>("/api/v1/maps");

        Assert.Equal(Geo.RepositoryFiles.MapFolders().Count() - 1, maps.GetArrayLength());
        Assert.DoesNotContain(maps.EnumerateArray(), m => m.GetProperty("id").GetString() == "concentric_circles");
        var circles = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", new { map = "concentric_circles", values = new Dictionary<string, double> { ["inner"] = 1, ["outer"] = 3 } });
        Assert.Equal(HttpStatusCode.Accepted, circles.StatusCode);
        var states = maps.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "conterminous_usa_by_state_since_1959");
        Assert.Equal(49, states.GetProperty("regions").GetInt32());
        Assert.Equal("Conterminous USA by state (since 1959)", states.GetProperty("name").GetString());
    }

    [LibraryFact]
    public async Task Values_make_a_cartogram_whose_results_download_in_every_format()
    {
        var response = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", new
        {
            map = "conterminous_usa_by_state_since_1959",
            values = new Dictionary<string, double?> { ["Texas"] = 29145505, ["california"] = 39538223, ["Ohio"] = 11799448, ["Maine"] = null },
            title = "Three states",
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        Assert.Equal(32, key.Length);
        Assert.Equal($"/api/v1/cartograms/{key}", response.Headers.Location!.ToString());

        var status = await _client.WaitAsync(key);
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Equal(1.0, status.GetProperty("progress").GetDouble());

        var geojson = await _client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cartograms/{key}/cartogram.geojson");
        Assert.Equal("FeatureCollection", geojson.GetProperty("type").GetString());
        Assert.Equal(49, geojson.GetProperty("features").GetArrayLength());
        var svg = await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/cartogram.svg");
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg);
        var png = await _client.Http.GetAsync($"/api/v1/cartograms/{key}/cartogram.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal("three-states.png", png.Content.Headers.ContentDisposition!.FileName);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        var csv = await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/data.csv");
        Assert.Contains("Texas,29145505", csv);
        Assert.Contains("Maine,NA", csv);
    }

    [LibraryFact]
    public async Task Csv_text_is_accepted_with_a_chosen_column()
    {
        var csv = "shapeName,Population (people),Area (km2)\nTexas,29145505,695662\nOhio,11799448,116098\n";
        var response = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", new { map = "conterminous_usa_by_state_since_1959", csv, column = "Area (km2)" });
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        var status = await _client.WaitAsync(key);

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Contains("Texas,695662", await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/data.csv"));
    }

    [LibraryFact]
    public async Task A_column_that_does_not_converge_says_so_in_its_status_and_on_its_page()
    {
        var response = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", new { map = Pipeline.DensityColumn.MapId, csv = Pipeline.DensityColumn.Csv() });
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        var status = await _client.WaitAsync(key);

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        var stats = status.GetProperty("stats");
        Assert.False(stats.GetProperty("converged").GetBoolean());
        var shortfall = stats.GetProperty("shortfall").GetString()!;
        Assert.StartsWith("Did not converge: the largest area error is ", shortfall, StringComparison.Ordinal);
        var page = await _client.GetPageAsync($"/cartogram/{key}");
        Assert.Contains($"<p class=\"message error\" role=\"alert\">{System.Net.WebUtility.HtmlEncode(shortfall)}</p>", page, StringComparison.Ordinal);
    }

    [LibraryFact]
    public async Task An_uploaded_geometry_is_accepted()
    {
        using var geometry = JsonDocument.Parse(CreatePageTests.SquaresMap());
        var response = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", new
        {
            geometry = geometry.RootElement,
            regionIdProperty = "code",
            values = new Dictionary<string, double> { ["A"] = 1, ["B"] = 2, ["C"] = 3, ["D"] = 4 },
        });
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        var status = await _client.WaitAsync(key);

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"map":"atlantis","values":{"a":1}}""", "no library map \"atlantis\"" },
        { """{"map":"conterminous_usa_by_state_since_1959"}""", "Give the data as" },
        { """{"values":{"Texas":1}}""", "Give \"map\"" },
        { """{"map":"conterminous_usa_by_state_since_1959","values":{"Texass":1,"Ohio":2}}""", "\"Texass\"" },
        { """{"map":"conterminous_usa_by_state_since_1959","csv":"shapeName,Population (people)\nTexas,abc\n"}""", "is not a number" },
        { """{"geometry":{"type":"Point","coordinates":[0,0]},"values":{"a":1}}""", "FeatureCollection" },
    };

    [LibraryTheory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_answers_400_with_what_to_fix(string body, string expected)
    {
        var response = await _client.Http.PostAsync("/api/v1/cartograms", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains(expected, error);
    }

    [LibraryFact]
    public async Task Unknown_keys_answer_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync("/api/v1/cartograms/abcdefghijkmnopqrstuvwxyzABCDEFG")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync("/api/v1/cartograms/nonsense")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync("/api/v1/cartograms/abcdefghijkmnopqrstuvwxyzABCDEFG/cartogram.png")).StatusCode);
    }

    [LibraryFact]
    public async Task The_openapi_document_describes_the_api()
    {
        var document = await _client.Http.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = document.GetProperty("paths");

        Assert.Equal("GoCart API", document.GetProperty("info").GetProperty("title").GetString());
        foreach (var path in new[] { "/api/v1/maps", "/api/v1/cartograms", "/api/v1/cartograms/{key}", "/api/v1/cartograms/{key}/cartogram.png", "/api/v1/cartograms/{key}/data.csv" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not documented.");
        }

        Assert.False(paths.TryGetProperty("/api/progress", out _));
    }
}
