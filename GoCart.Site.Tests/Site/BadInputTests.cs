using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GoCart.Site.Data;
using GoCart.Site.Tests.Geo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// Bad input of every kind gets a 4xx with a message that says what to fix, and stores nothing; odd keys are
/// plain 404s; region names with markup are escaped wherever they are shown.
/// </summary>
public sealed class BadInputTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string States = "conterminous_usa_by_state_since_1959";
    private readonly SiteClient _client = new(site.Factory);

    public static TheoryData<string, string, string, HttpStatusCode> BadCsv => new()
    {
        { "wrong delimiter", "shapeName Population (people)\nTexas 5\n", "two columns", HttpStatusCode.BadRequest },
        { "unbalanced quotes", "shapeName,Population (people)\n\"Texas,5\nOhio,3\n", "", HttpStatusCode.BadRequest },
        { "NaN", "shapeName,Population (people)\nTexas,NaN\n", "not a number", HttpStatusCode.BadRequest },
        { "infinite", "shapeName,Population (people)\nTexas,1e400\n", "finite", HttpStatusCode.UnprocessableEntity },
        { "non-numeric", "shapeName,Population (people)\nTexas,lots\n", "not a number", HttpStatusCode.BadRequest },
        { "negative", "shapeName,Population (people)\nTexas,-3\n", "negative", HttpStatusCode.UnprocessableEntity },
        { "all zero", "shapeName,Population (people)\nTexas,0\nOhio,0\n", "Every value is zero", HttpStatusCode.UnprocessableEntity },
        { "all missing", "shapeName,Population (people)\nTexas,NA\nOhio,\n", "No region has a value", HttpStatusCode.UnprocessableEntity },
        { "duplicate rows", "shapeName,Population (people)\nTexas,1\nTexas,2\n", "appears twice", HttpStatusCode.BadRequest },
        { "unknown regions", "shapeName,Population (people)\nAtlantis,1\n", "\"Atlantis\"", HttpStatusCode.BadRequest },
        { "binary garbage", "\u0001\u0002PK\u0003\u0004\u00ff\u00fe garbage \u0000\u0000", "", HttpStatusCode.BadRequest },
    };

    [LibraryTheory]
    [MemberData(nameof(BadCsv))]
    public async Task Bad_csv_answers_a_problem_with_a_message_and_stores_nothing(string what, string csv, string expected, HttpStatusCode status)
    {
        var before = await CountAsync();

        var response = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", new { map = States, csv });

        Assert.True(response.StatusCode == status, $"{what}: {(int)response.StatusCode}");
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Contains(expected, error);
        Assert.Equal(before, await CountAsync());
    }

    [LibraryFact]
    public async Task A_csv_of_100000_rows_is_refused_with_the_unknown_regions_named()
    {
        var csv = new StringBuilder("shapeName,Population (people)\n");
        for (var i = 0; i < 100_000; i++)
        {
            csv.Append("Region ").Append(i).Append(",1\n");
        }

        var response = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", new { map = States, csv = csv.ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("and 99990 more", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    public static TheoryData<string, string, string> BadGeoJson => new()
    {
        { "points only", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Point","coordinates":[0,0]}}]}""", "No feature of the map has an area (a is a Point, not an area)" },
        { "null geometry", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a"},"geometry":null}]}""", "No feature of the map has an area (a is empty)" },
        { "no features", """{"type":"FeatureCollection","features":[]}""", "no features" },
        { "a polygon without rings", """{"type":"Polygon","coordinates":[]}""", "No feature of the map has an area" },
        { "not a map", """{"type":"LineString","coordinates":[[0,0],[1,1]]}""", "GeoJSON LineString, which has no areas" },
        { "deeply nested", new string('[', 5000) + new string(']', 5000), "" },
    };

    [LibraryTheory]
    [MemberData(nameof(BadGeoJson))]
    public async Task Bad_geojson_answers_400_with_a_message(string what, string geojson, string expected)
    {
        var body = "{\"geometry\":" + geojson + ",\"regionIdProperty\":\"id\",\"values\":{\"a\":1}}";

        var response = await _client.Http.PostAsync("/api/v1/cartograms", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, text);
    }

    [LibraryFact]
    public async Task A_map_over_the_vertex_limit_says_to_simplify_it()
    {
        var ring = string.Join(',', Enumerable.Range(0, 500_100).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{i},{i % 7}]")));
        var geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"a\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}]}";
        var response = await _client.PostFormAsync("/create/map", "/create/map", [], ("MapFile", "huge.geojson", Encoding.UTF8.GetBytes(geojson)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("simplify", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, byte[]> BadWorkbooks => new()
    {
        { "not really xlsx", Encoding.UTF8.GetBytes("shapeName,Population (people)\nTexas,1\n") },
        { "password-protected (an encrypted OLE file)", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0] },
        { "zip bomb", ZipBomb() },
    };

    [LibraryTheory]
    [MemberData(nameof(BadWorkbooks))]
    public async Task Bad_workbooks_get_a_message_on_the_page(string what, byte[] content)
    {
        const string Create = "/create?map=" + States;

        var response = await _client.PostFormAsync(Create, Create + "&handler=Upload", [], ("DataFile", "data.xlsx", content));
        var page = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {(int)response.StatusCode}");
        Assert.Contains("class=\"message error\"", page);
    }

    [LibraryTheory]
    [InlineData("/cartogram/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/cartogram/'%20OR%201=1%20--")]
    [InlineData("/api/v1/cartograms/'%20OR%201=1%20--")]
    [InlineData("/api/v1/cartograms/..%2F..%2Fsecret/cartogram.png")]
    [InlineData("/embed/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/maps/..%2F..%2FProgram.cs/thumbnail.svg")]
    [InlineData("/maps/..%2FREADME.md/template.csv")]
    public async Task Odd_keys_are_plain_404s(string url)
    {
        var response = await _client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync());
    }

    [LibraryFact]
    public async Task Region_names_with_markup_are_escaped_in_pages_and_svg()
    {
        const string Evil = "<script>alert('x')</script>";
        var geojson = CreatePageTests.SquaresMap().Replace("\"A\"", JsonSerializer.Serialize(Evil), StringComparison.Ordinal);
        using var geometry = JsonDocument.Parse(geojson);
        var response = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", new
        {
            geometry = geometry.RootElement,
            regionIdProperty = "code",
            values = new Dictionary<string, double> { [Evil] = 4, ["B"] = 1, ["C"] = 1, ["D"] = 1 },
            title = "<img src=x onerror=alert(1)>",
        });
        var created = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, created);
        var key = JsonDocument.Parse(created).RootElement.GetProperty("key").GetString()!;
        Assert.Equal("succeeded", (await _client.WaitAsync(key)).GetProperty("status").GetString());

        var page = await _client.GetPageAsync($"/cartogram/{key}");
        var svg = await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/cartogram.svg");

        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.Contains("&lt;script&gt;", page);
        Assert.DoesNotContain("<script>alert", svg);
        Assert.Contains("&lt;script&gt;", svg);
    }

    private async Task<int> CountAsync()
    {
        using var scope = site.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GoCartDbContext>().Cartograms.CountAsync();
    }

    /// <summary>A small zip whose one entry inflates to 256 MB of zeros, named like a workbook part.</summary>
    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 256; i++)
            {
                entry.Write(zeros);
            }
        }

        return buffer.ToArray();
    }
}
