using System.Text.Json;
using GoCart.Lambda.Geo;

namespace GoCart.Site.Tests.PublicData;

/// <summary>
/// Checks a cartogram GeoJSON as the API serves it and <c>gocart generate --out</c> writes it: one feature per
/// region of the map, each with a geometry and its <c>areaError</c>. How close each region comes to its target is
/// <see cref="PublicMapCartogramTests"/>' concern.
/// </summary>
public static class CartogramOutputAssert
{
    public static void HasEveryRegion(string file, byte[] cartogramGeoJson, SourceMap map)
    {
        using var document = JsonDocument.Parse(cartogramGeoJson);
        var features = document.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.True(features.Count == map.Regions.Count, $"{file}: {features.Count} features for {map.Regions.Count} regions");
        Assert.All(features, f =>
        {
            Assert.Equal(JsonValueKind.Object, f.GetProperty("geometry").ValueKind);
            Assert.Equal(JsonValueKind.Number, f.GetProperty("properties").GetProperty("areaError").ValueKind);
        });
    }
}
