using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Writes a FeatureCollection of Polygons/MultiPolygons (exteriors counter-clockwise, holes kept) with each
/// feature's original properties plus GoCart's, coordinates rounded to a step relative to the map's extent
/// (<see cref="OutputPrecision"/>) unless a number of decimals is given, a bbox and the projection's name as a
/// foreign member.
/// </summary>
public static class GeoJsonMapWriter
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<OutputFeature> features, string? projection, int? decimals = null)
    {
        var envelope = new Envelope();
        foreach (var feature in features)
        {
            envelope.ExpandToInclude(feature.Geometry.EnvelopeInternal);
        }

        var places = decimals ?? OutputPrecision.Decimals(envelope);

        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        if (projection is not null)
        {
            writer.WriteString("projection", projection);
        }

        if (!envelope.IsNull)
        {
            writer.WriteStartArray("bbox");
            writer.WriteNumberValue(Math.Round(envelope.MinX, places));
            writer.WriteNumberValue(Math.Round(envelope.MinY, places));
            writer.WriteNumberValue(Math.Round(envelope.MaxX, places));
            writer.WriteNumberValue(Math.Round(envelope.MaxY, places));
            writer.WriteEndArray();
        }

        writer.WriteStartArray("features");
        foreach (var feature in features)
        {
            WriteFeature(writer, feature, places);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFeature(Utf8JsonWriter writer, OutputFeature feature, int decimals)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        if (feature.FeatureId is { } id)
        {
            writer.WriteString("id", id);
        }

        writer.WriteStartObject("properties");
        var added = feature.Added.Select(a => a.Key).Concat(feature.AddedTexts.Select(a => a.Key)).ToHashSet(StringComparer.Ordinal);
        if (feature.Properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in feature.Properties.EnumerateObject())
            {
                if (!added.Contains(property.Name))
                {
                    property.WriteTo(writer);
                }
            }
        }

        foreach (var (name, value) in feature.Added)
        {
            writer.WriteNumber(name, value);
        }

        foreach (var (name, text) in feature.AddedTexts)
        {
            writer.WriteString(name, text);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("geometry");
        var polygons = Enumerable.Range(0, feature.Geometry.NumGeometries).Select(i => (Polygon)feature.Geometry.GetGeometryN(i)).ToList();
        writer.WriteString("type", polygons.Count == 1 ? "Polygon" : "MultiPolygon");
        writer.WriteStartArray("coordinates");
        foreach (var polygon in polygons)
        {
            if (polygons.Count > 1)
            {
                writer.WriteStartArray();
            }

            WriteRing(writer, polygon.Shell.CoordinateSequence, decimals);
            foreach (var hole in polygon.Holes)
            {
                WriteRing(writer, hole.CoordinateSequence, decimals);
            }

            if (polygons.Count > 1)
            {
                writer.WriteEndArray();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteRing(Utf8JsonWriter writer, CoordinateSequence ring, int decimals)
    {
        writer.WriteStartArray();
        for (var i = 0; i < ring.Count; i++)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(Math.Round(ring.GetX(i), decimals));
            writer.WriteNumberValue(Math.Round(ring.GetY(i), decimals));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
