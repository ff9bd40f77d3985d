using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using GoCart.Site.Tests.PublicData;
using GoCart.Site.Tests.Site.Problems;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// A table as a European spreadsheet exports it (semicolons, decimal commas, dot-grouped thousands, quotes,
/// stray spaces, Windows-1252 is covered elsewhere) for us-atlas's pre-projected states, with values from 1 to
/// 1e9, through the JSON API: a misspelt name is refused with its suggestion, the corrected table makes the
/// cartogram, and the column's own name and every value come back.
/// </summary>
public sealed class PublicDataTablesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly NumberFormatInfo German = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    private readonly SiteClient _client = new(site.Factory);

    [Fact]
    public async Task A_european_csv_with_values_from_1_to_a_billion_makes_a_cartogram_of_us_atlas_states()
    {
        using var geometry = JsonDocument.Parse(await File.ReadAllBytesAsync(PublicMaps.StatesAlbers10mGeoJson));
        var names = geometry.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()!).ToList();
        var values = names.Select((_, i) => Math.Round(Math.Pow(10, 9.0 * i / (names.Count - 1)), i < names.Count / 2 ? 1 : 0)).ToList();
        string Csv(Func<string, string> rename) => "\"State\";GDP (billion EUR)\n" + string.Concat(names.Select((name, i) =>
            $"{(i % 3 == 0 ? $"\"{rename(name)}\"" : rename(name) + "  ")};{values[i].ToString("#,##0.#", German)}\n"));

        var misspelt = await _client.Http.PostAsync("/api/v1/cartograms", Json(new { geometry = geometry.RootElement, regionIdProperty = "name", csv = Csv(n => n == "Texas" ? "Texass" : n) }));
        var problem = await ProblemAssert.IsProblemAsync(misspelt, HttpStatusCode.BadRequest, "\"Texass\" (did you mean \"Texas\"?)", "csv");
        Assert.Equal("Texass", problem.GetProperty("region").GetString());

        var key = await _client.SubmitAsync(new { geometry = geometry.RootElement, regionIdProperty = "name", csv = Csv(n => n) });
        var status = await _client.WaitAsync(key, TimeSpan.FromMinutes(2));

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.EndsWith(": GDP (billion EUR)", status.GetProperty("title").GetString());
        var data = await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/data.csv");
        Assert.StartsWith("name,GDP (billion EUR),", data.TrimStart('\uFEFF'));
        Assert.Contains($"{names[^1]},1000000000,", data);
        Assert.Contains($"{names[0]},1,", data);
        Assert.Equal(names.Count, data.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
