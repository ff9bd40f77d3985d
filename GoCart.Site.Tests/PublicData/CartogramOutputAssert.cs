using System.Globalization;
using System.Text.Json;
using GoCart.Lambda.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace GoCart.Site.Tests.PublicData;

/// <summary>
/// Checks a cartogram GeoJSON as the API serves it and <c>gocart generate --out</c> writes it: one feature per
/// region of the map, every geometry valid, and every region whose value is not floored within 1 % of its
/// target area (the <c>areaError</c> each feature carries).
/// </summary>
public static class CartogramOutputAssert
{
    public const double MaxAreaError = 0.01;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static void ReachesTheTargets(string file, byte[] cartogramGeoJson, SourceMap map, IReadOnlyDictionary<string, double?> values)
    {
        using var document = JsonDocument.Parse(cartogramGeoJson);
        var features = document.RootElement.GetProperty("features").EnumerateArray().ToList();
        var total = values.Values.Sum(v => v ?? 0);
        Assert.Equal(map.Regions.Count, features.Count);
        var invalid = new List<string>();
        var missed = new List<string>();
        foreach (var feature in features)
        {
            var properties = feature.GetProperty("properties");
            var id = Id(feature, properties, map.RegionIdProperty);
            Assert.True(values.ContainsKey(id), $"{file}: the output's feature \"{id}\" is no region of the map");
            var geometry = feature.GetProperty("geometry").Deserialize<Geometry>(GeoJson)!;
            if (!geometry.IsValid)
            {
                invalid.Add($"{id} ({new IsValidOp(geometry).ValidationError})");
            }

            var error = properties.GetProperty("areaError").GetDouble();
            if (!SyntheticValues.Floored(values[id], total) && Math.Abs(error) > MaxAreaError)
            {
                missed.Add(string.Create(CultureInfo.InvariantCulture, $"{id} {error:P2}"));
            }
        }

        Assert.True(invalid.Count == 0, $"{file}: {invalid.Count} invalid regions in the cartogram: {string.Join(", ", invalid.Take(10))}");
        Assert.True(missed.Count == 0, $"{file}: {missed.Count} regions with a value further than 1% from their area: {string.Join(", ", missed.Take(10))}");
    }

    /// <summary>The region id as the writer keeps it: the id property when the features have it, else the feature-level id.</summary>
    private static string Id(JsonElement feature, JsonElement properties, string idProperty)
    {
        var value = properties.TryGetProperty(idProperty, out var property) ? property : feature.GetProperty("id");
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }
}
