using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Writes decoded features (from any reader) as one GeoJSON FeatureCollection, unrepaired and with their
/// feature-level ids and properties, so a TopoJSON or shapefile upload travels to the engine as GeoJSON and is
/// read, repaired and reported there exactly as the file would be. Features that are not areas keep a null geometry.
/// </summary>
public static class MapFeatureGeoJson
{
    /// <summary>The features as GeoJSON; <paramref name="lonLat"/> (what a shapefile's .prj said) is kept as a "crs" member.</summary>
    public static JsonElement Write(IReadOnlyList<MapFeature> features, bool? lonLat)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            if (lonLat is { } geographic)
            {
                writer.WriteStartObject("crs");
                writer.WriteString("type", "name");
                writer.WriteStartObject("properties");
                writer.WriteString("name", geographic ? GeoJsonCrs.LonLat : GeoJsonCrs.Planar);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteStartArray("features");
            foreach (var feature in features)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Feature");
                if (feature.FeatureId is { } id)
                {
                    writer.WriteString("id", id);
                }

                writer.WritePropertyName("properties");
                if (feature.Properties.ValueKind == JsonValueKind.Object)
                {
                    feature.Properties.WriteTo(writer);
                }
                else
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }

                writer.WritePropertyName("geometry");
                if (feature.Polygons is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    WriteMultiPolygon(writer, feature.Polygons);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static void WriteMultiPolygon(Utf8JsonWriter writer, IReadOnlyList<Polygon> polygons)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "MultiPolygon");
        writer.WriteStartArray("coordinates");
        foreach (var polygon in polygons.Where(p => !p.IsEmpty))
        {
            writer.WriteStartArray();
            foreach (var ring in new[] { polygon.Shell }.Concat(polygon.Holes))
            {
                writer.WriteStartArray();
                foreach (var c in ring.Coordinates)
                {
                    writer.WriteStartArray();
                    writer.WriteNumberValue(c.X);
                    writer.WriteNumberValue(c.Y);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
