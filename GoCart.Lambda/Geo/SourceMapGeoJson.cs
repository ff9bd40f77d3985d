using System.Text.Json;

namespace GoCart.Lambda.Geo;

/// <summary>
/// A map as read (repaired, joined, perhaps with regions or far parts left out) written back as a GeoJSON
/// FeatureCollection: one feature per region, its id as the feature-level <c>id</c> and its properties as they
/// were, so that reading it again gives the same regions under the same ids.
/// </summary>
public static class SourceMapGeoJson
{
    public static JsonElement Write(SourceMap map)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            GeoJsonMapWriter.Write(writer, [.. map.Regions.Select(r => new OutputFeature(r.Geometry, r.Properties, []) { FeatureId = r.Id })], null);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
