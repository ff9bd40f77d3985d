using System.Globalization;
using GoCart.Site.Tests.Deployment;

namespace GoCart.Site.Tests.Maps;

/// <summary>An operator's own maps folder: a map in the library's layout (GeoJSON, population CSV, provenance note), made here.</summary>
public static class OwnMaps
{
    /// <summary>A folder holding one map, <paramref name="mapId"/>: two neighbouring squares named West and East.</summary>
    public static TemporaryFolder WithTwoSquares(string mapId, string provenance = "# Sources\n\nDrawn by the [GoCart tests](https://example.org/tests).\n")
    {
        var folder = new TemporaryFolder("own-maps");
        var map = Directory.CreateDirectory(Path.Combine(folder.Path, mapId)).FullName;
        File.WriteAllText(Path.Combine(map, mapId + ".geojson"), $$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"name":"West"},"geometry":{"type":"Polygon","coordinates":[{{{Square(10)}}}]}},
              {"type":"Feature","properties":{"name":"East"},"geometry":{"type":"Polygon","coordinates":[{{{Square(11)}}}]}}]}
            """);
        File.WriteAllText(Path.Combine(map, mapId + "_population_2024.csv"), "name,Population (people)\nWest,1000\nEast,3000\n");
        File.WriteAllText(Path.Combine(map, mapId + ".md"), provenance);
        return folder;
    }

    private static string Square(double west) =>
        string.Create(CultureInfo.InvariantCulture, $"[[{west},45],[{west + 1},45],[{west + 1},46],[{west},46],[{west},45]]");
}
