using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Layers;

/// <summary>
/// Writes layer features as GeoJSON: Points, MultiPoints, LineStrings and MultiLineStrings with their own
/// properties and a <c>layer</c> property naming the file they came from.
/// </summary>
public static class LayerGeoJson
{
    public const string LayerProperty = "layer";

    /// <summary>A FeatureCollection of one layer as read, for a request (coordinates as given).</summary>
    public static JsonElement ToFeatureCollection(MapLayer layer)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            writer.WriteStartArray("features");
            foreach (var feature in layer.Features)
            {
                WriteFeature(writer, feature.Geometry, feature, null, decimals: null);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    /// <summary>A FeatureCollection of moved features, on the cartogram or on the equal-area map.</summary>
    public static void WriteCollection(Utf8JsonWriter writer, IReadOnlyList<MovedLayerFeature> features, bool cartogram, int decimals = 1)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        WriteFeatures(writer, features, cartogram, decimals);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The features alone, for appending to a FeatureCollection that is being written.</summary>
    public static void WriteFeatures(Utf8JsonWriter writer, IReadOnlyList<MovedLayerFeature> features, bool cartogram, int decimals = 1)
    {
        foreach (var feature in features)
        {
            WriteFeature(writer, cartogram ? feature.Cartogram : feature.EqualArea, feature.Source, feature.Layer, decimals);
        }
    }

    /// <summary>
    /// A region FeatureCollection with extra features appended (written by <paramref name="writeExtra"/>), every
    /// other member kept: the cartogram GeoJSON that the CLI writes and the site serves, regions then layers.
    /// </summary>
    public static byte[] Append(ReadOnlySpan<byte> featureCollection, Action<Utf8JsonWriter> writeExtra)
    {
        using var document = JsonDocument.Parse(featureCollection.ToArray());
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.Name != "features")
                {
                    member.WriteTo(writer);
                    continue;
                }

                writer.WriteStartArray("features");
                foreach (var feature in member.Value.EnumerateArray())
                {
                    feature.WriteTo(writer);
                }

                writeExtra(writer);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteFeature(Utf8JsonWriter writer, Geometry geometry, LayerFeature feature, string? layer, int? decimals)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteStartObject("properties");
        if (feature.Properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in feature.Properties.EnumerateObject())
            {
                if (layer is null || property.Name != LayerProperty)
                {
                    property.WriteTo(writer);
                }
            }
        }

        if (layer is not null)
        {
            writer.WriteString(LayerProperty, layer);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("geometry");
        writer.WriteString("type", geometry.GeometryType);
        writer.WritePropertyName("coordinates");
        switch (geometry)
        {
            case Point point:
                WritePosition(writer, point.Coordinate, decimals);
                break;
            case LineString line:
                WritePositions(writer, line.Coordinates, decimals);
                break;
            default:
                writer.WriteStartArray();
                for (var i = 0; i < geometry.NumGeometries; i++)
                {
                    if (geometry.GetGeometryN(i) is Point part)
                    {
                        WritePosition(writer, part.Coordinate, decimals);
                    }
                    else
                    {
                        WritePositions(writer, geometry.GetGeometryN(i).Coordinates, decimals);
                    }
                }

                writer.WriteEndArray();
                break;
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WritePositions(Utf8JsonWriter writer, Coordinate[] coordinates, int? decimals)
    {
        writer.WriteStartArray();
        foreach (var coordinate in coordinates)
        {
            WritePosition(writer, coordinate, decimals);
        }

        writer.WriteEndArray();
    }

    private static void WritePosition(Utf8JsonWriter writer, Coordinate coordinate, int? decimals)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(decimals is { } d ? Math.Round(coordinate.X, d) : coordinate.X);
        writer.WriteNumberValue(decimals is { } e ? Math.Round(coordinate.Y, e) : coordinate.Y);
        writer.WriteEndArray();
    }
}
