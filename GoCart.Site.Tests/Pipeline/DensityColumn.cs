using System.Globalization;
using System.Text;
using GoCart.Lambda.Geo;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Pipeline;

/// <summary>
/// A column no cartogram can reach: the world's population density (people per km² of the equal-area map).
/// Singapore's and Monaco's densities dwarf Mongolia's by thousands, so their targets are thousands of times their
/// area and the engine ends tens of thousands of percent away from them.
/// </summary>
public static class DensityColumn
{
    public const string MapId = "world_by_country_since_2022";

    public static string Folder => Path.Combine(RepositoryFiles.MapData, MapId);

    /// <summary>The map's id column and a "Density (people per km²)" column, as CSV text.</summary>
    public static string Csv()
    {
        var data = RegionDataCsv.Parse(File.ReadAllText(RepositoryFiles.PopulationCsv(Folder)));
        var map = GeoJsonMapReader.Read(File.ReadAllBytes(RepositoryFiles.GeoJson(Folder)), data.IdColumn);
        var km2 = EqualAreaKm2.Of(map);
        var matched = RegionValues.Match([.. map.Regions.Select(r => r.Id)], [.. data.Rows.Select(r => (r.Id, r.Value))]);
        var csv = new StringBuilder($"{data.IdColumn},Density (people per km²)\n");
        for (var i = 0; i < map.Regions.Count; i++)
        {
            if (matched.Values[i] is { } population)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{map.Regions[i].Id},{population / km2[map.Regions[i].Id]:0.###}\n");
            }
        }

        return csv.ToString();
    }
}
