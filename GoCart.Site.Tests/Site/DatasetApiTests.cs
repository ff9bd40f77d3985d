using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GoCart.Site.Maps;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// Datasets of several value columns through the JSON API, against PostgreSQL, Redis and the real engine: the
/// world map with population, a GDP-like column and a derived density, each its own computation (one shared by
/// a copy of population), each column's status and statistics, one link that opens on any column, and the
/// dataset's CSV and XLSX holding every column.
/// </summary>
public sealed class DatasetApiTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string World = "world_by_country_since_2022";

    private static readonly string[] Names = ["Population (people)", "GDP (million USD)", "Density (people per km2)", "Inhabitants (people)"];

    private readonly SiteClient _client = new(site.Factory);

    [LibraryFact]
    public async Task Three_columns_on_the_world_map_are_each_computed_and_a_copy_shares_its_computation()
    {
        var response = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", new
        {
            map = World,
            csv = WorldCsv(),
            columns = Names.Select(n => new { name = n }),
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        Assert.Contains("Density (people per km2)", created.GetProperty("guardrail").GetString());

        var status = await _client.WaitAsync(key, TimeSpan.FromMinutes(10));

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        var columns = status.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(Names, columns.Select(c => c.GetProperty("name").GetString()));
        Assert.All(columns, c => Assert.Equal("succeeded", c.GetProperty("status").GetString()));
        Assert.All(columns, c => Assert.InRange(c.GetProperty("stats").GetProperty("maxAreaError").GetDouble(), 0, 0.05));
        var keys = columns.Select(c => c.GetProperty("key").GetString()).ToList();
        Assert.Equal(key, keys[0]);
        Assert.Equal(keys[0], keys[3]);
        Assert.Equal(3, keys.Distinct().Count());

        var first = await _client.GetPageAsync($"/cartogram/{key}");
        Assert.Contains("aria-current=\"page\">Population (people)", first);
        Assert.Contains($"href=\"/cartogram/{key}?column=1\">GDP (million USD)", first);
        var gdp = WebUtility.HtmlDecode(await _client.GetPageAsync($"/cartogram/{key}?column=1"));
        Assert.Matches("<h1>World[^<]*: GDP \\(million USD\\)</h1>", gdp);
        Assert.Contains($"/api/v1/cartograms/{keys[1]}/cartogram.svg", gdp);
        var byName = WebUtility.HtmlDecode(await _client.GetPageAsync($"/cartogram/{key}?column=density"));
        Assert.Contains("aria-current=\"page\">Density (people per km2)", byName);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync($"/cartogram/{key}?column=7")).StatusCode);

        var csv = await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/data.csv");
        Assert.StartsWith("ISO_CODE,Population (people),GDP (million USD),Density (people per km2),Inhabitants (people),Color,Inset,Label", csv);
        var workbook = await _client.Http.GetByteArrayAsync($"/api/v1/cartograms/{key}/data.xlsx");
        var fromWorkbook = DataFiles.Read(new MemoryStream(workbook), "data.xlsx", null);
        Assert.Equal(Names, fromWorkbook.ValueColumns);
        var fromCsv = DataFiles.FromCsv(csv.TrimStart('\uFEFF'), null);
        Assert.Equal(Names, fromCsv.ValueColumns);
        foreach (var name in Names)
        {
            Assert.Equal(DataFiles.FromCsv(WorldCsv(), name).Rows.Select(r => (r.Name, r.Value)).OrderBy(r => r.Name),
                DataFiles.FromCsv(csv.TrimStart('\uFEFF'), name).Rows.Select(r => (r.Name, r.Value)).OrderBy(r => r.Name));
            Assert.Equal(DataFiles.FromCsv(WorldCsv(), name).Rows.Select(r => (r.Name, r.Value)).OrderBy(r => r.Name),
                DataFiles.Read(new MemoryStream(workbook), "data.xlsx", name).Rows.Select(r => (r.Name, r.Value)).OrderBy(r => r.Name));
        }
    }

    [LibraryFact]
    public async Task Values_per_column_make_a_dataset_and_a_single_values_request_stays_a_single_cartogram()
    {
        var key = await _client.SubmitAsync(new
        {
            map = "conterminous_usa_by_state_since_1959",
            columns = new object[]
            {
                new { name = "Population (people)", values = new Dictionary<string, double?> { ["Texas"] = 29145505, ["Ohio"] = 11799448 } },
                new { name = "Area (km2)", values = new Dictionary<string, double?> { ["Texas"] = 695662, ["Ohio"] = 116098 } },
            },
        });
        var single = await _client.SubmitAsync(new { map = "conterminous_usa_by_state_since_1959", values = new Dictionary<string, double?> { ["Texas"] = 3, ["Ohio"] = 1 } });

        var status = await _client.WaitAsync(key, TimeSpan.FromMinutes(5));
        var one = await _client.WaitAsync(single, TimeSpan.FromMinutes(5));

        Assert.Equal(["Population (people)", "Area (km2)"], status.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.False(one.TryGetProperty("columns", out var none) && none.ValueKind != JsonValueKind.Null);
        Assert.Contains("Texas,29145505,695662", await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/data.csv"));
    }

    [LibraryTheory]
    [InlineData("""{"map":"conterminous_usa_by_state_since_1959","columns":[{"values":{"Texas":1}}]}""", "columns[0].name", "has no \"name\"")]
    [InlineData("""{"map":"conterminous_usa_by_state_since_1959","columns":[{"name":"A","values":{"Texas":1}},{"name":"a","values":{"Texas":1}}]}""", "columns[1].name", "Two columns are named")]
    [InlineData("""{"map":"conterminous_usa_by_state_since_1959","columns":[{"name":"A (x)","values":{"Texas":1}},{"name":"B (x)"}]}""", "columns[1].values", "has no \"values\"")]
    [InlineData("""{"map":"conterminous_usa_by_state_since_1959","csv":"shapeName,A (x)\nTexas,1\n","columns":[{"name":"B (x)"}]}""", "csv", "has no column \"B (x)\"")]
    [InlineData("""{"map":"conterminous_usa_by_state_since_1959","columns":[{"name":"A (x)","values":{"Texas":1}},{"name":"B (x)","values":{"Texas":-1}}]}""", "columns[1].values", "negative")]
    public async Task A_wrong_column_is_a_problem_that_names_it(string body, string field, string detail)
    {
        var response = await _client.Http.PostAsync("/api/v1/cartograms", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    /// <summary>The library's world population, a GDP-like column and a derived density (people per a made-up area), and a copy of population.</summary>
    private static string WorldCsv()
    {
        var library = SiteClient.LibraryCsv(World, "world_population_by_country_2010.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var csv = new StringBuilder("ISO_CODE,").AppendJoin(',', Names).Append('\n');
        foreach (var (line, i) in library.Skip(1).Select((l, i) => (l.TrimEnd('\r'), i)))
        {
            var cells = line.Split(',');
            if (!double.TryParse(cells[1], CultureInfo.InvariantCulture, out var population))
            {
                continue;
            }

            var gdp = Math.Round(population * (1 + (i % 7)) / 1000);
            var density = Math.Round(population / (1000 + (i % 11) * 5000), 3);
            csv.Append(cells[0]).Append(',').AppendJoin(',', new[] { population, gdp, density, population }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        return csv.ToString();
    }
}
