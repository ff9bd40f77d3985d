using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Reads GeoJSON boundaries: a FeatureCollection, a single Feature, or a bare Polygon, MultiPolygon or
/// GeometryCollection. Every feature keeps its feature-level <c>id</c> and its properties; polygons inside
/// GeometryCollections count, points and lines are noted as not areas. <see cref="SourceMapBuilder"/> then chooses
/// the ids and repairs the geometry.
/// </summary>
public static class GeoJsonMapReader
{
    private static readonly string[] NotAreas = ["Point", "MultiPoint", "LineString", "MultiLineString"];

    public static SourceMap Read(ReadOnlyMemory<byte> json, string? regionIdProperty, MapReadLimits? limits = null)
    {
        limits ??= MapReadLimits.Default;
        using var document = MapJson.Parse(json, limits);
        return Read(document.RootElement, regionIdProperty, limits);
    }

    public static SourceMap Read(JsonElement root, string? regionIdProperty, MapReadLimits? limits = null)
    {
        limits ??= MapReadLimits.Default;
        var warnings = new List<string>();
        return SourceMapBuilder.Build(Features(root, limits), regionIdProperty, limits, GeoJsonCrs.IsLonLat(root), warnings);
    }

    public static List<MapFeature> Features(JsonElement root, MapReadLimits limits)
    {
        var type = MapJson.Type(root);
        switch (type)
        {
            case "FeatureCollection":
                if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                {
                    throw new MapInputException("The map is a GeoJSON FeatureCollection without a \"features\" array.");
                }

                MapReadLimits.CheckRegions(features.GetArrayLength(), limits);
                var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
                return [.. features.EnumerateArray().Select((f, i) => Feature(f, i + 1, factory))];
            case "Feature":
                return [Feature(root, 1, NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory())];
            case "Polygon" or "MultiPolygon" or "GeometryCollection":
                var bare = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
                return [new MapFeature(1, "1", default, GeometryParser.Polygons(root, "feature 1", bare, []) ?? [], null)];
            default:
                throw new MapInputException(type is null
                    ? "The map must be GeoJSON (a FeatureCollection of polygons), TopoJSON, or a zipped shapefile; this JSON has no \"type\"."
                    : $"The map is a GeoJSON {type}, which has no areas; GoCart needs a FeatureCollection with one polygon feature per region.");
        }
    }

    private static MapFeature Feature(JsonElement feature, int number, GeometryFactory factory)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            throw new MapInputException($"Feature {number} is not a JSON object; every member of \"features\" must be a GeoJSON Feature.");
        }

        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p.Clone() : default;
        var featureId = feature.TryGetProperty("id", out var id) ? MapFeature.Text(id) : null;
        var label = MapFeature.FeatureLabel(number, featureId, properties);
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind == JsonValueKind.Null)
        {
            return new MapFeature(number, featureId, properties, [], null);
        }

        var type = MapJson.Type(geometry);
        if (type is not null && NotAreas.Contains(type))
        {
            return new MapFeature(number, featureId, properties, null, $"a {type}");
        }

        var polygons = GeometryParser.Polygons(geometry, label, factory, []);
        return new MapFeature(number, featureId, properties, polygons, polygons is null ? "a GeometryCollection without polygons" : null);
    }
}
