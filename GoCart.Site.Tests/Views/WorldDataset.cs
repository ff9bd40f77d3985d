using System.Globalization;
using System.Text;
using GoCart.Lambda.Geo;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Site;

namespace GoCart.Site.Tests.Views;

/// <summary>
/// A dataset of three columns on go-cart.io's world map, made here from its 2010 population: the population, a
/// GDP-like column (population times a factor that varies from country to country) and the density derived from
/// each country's equal-area size in km² (<see cref="EqualAreaKm2"/>).
/// </summary>
public static class WorldDataset
{
    public const string Map = "world_by_country_since_2022";

    public static readonly IReadOnlyList<string> Columns = ["Population (people)", "GDP (million USD)", "Density (people per km2)"];

    /// <summary>Submits the dataset through the JSON API and waits until every column is computed; returns its key.</summary>
    public static async Task<string> ComputeAsync(SiteClient client)
    {
        var key = await client.SubmitAsync(new { map = Map, csv = Csv(), columns = Columns.Select(name => new { name }) });
        var status = await client.WaitAsync(key, TimeSpan.FromMinutes(10));
        Assert.True(status.GetProperty("status").GetString() == "succeeded", status.ToString());
        Assert.All(status.GetProperty("columns").EnumerateArray(), c => Assert.Equal("succeeded", c.GetProperty("status").GetString()));
        return key;
    }

    public static string Csv()
    {
        var folder = Path.Combine(RepositoryFiles.MapData, Map);
        var data = RegionDataCsv.Parse(File.ReadAllText(RepositoryFiles.MapFile(Map, "world_population_by_country_2010.csv")));
        var map = GeoJsonMapReader.Read(File.ReadAllBytes(RepositoryFiles.GeoJson(folder)), data.IdColumn);
        var area = EqualAreaKm2.Of(map);
        var csv = new StringBuilder(data.IdColumn).Append(',').AppendJoin(',', Columns).Append('\n');
        foreach (var (row, i) in data.Rows.Select((r, i) => (r, i)))
        {
            if (row.Value is not { } population || !area.TryGetValue(row.Id, out var km2))
            {
                continue;
            }

            var gdp = Math.Round(population * (1 + (i % 7)) / 1000);
            var density = Math.Round(population / km2, 3);
            csv.Append(row.Id).Append(',').AppendJoin(',', new[] { population, gdp, density }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        return csv.ToString();
    }
}
