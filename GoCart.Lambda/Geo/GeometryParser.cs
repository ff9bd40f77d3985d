using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>GeoJSON geometry objects to NTS polygons, with errors that name the region.</summary>
public static class GeometryParser
{
    /// <summary>The polygons of a geometry, or null (with a warning) when it has none, such as a Point.</summary>
    public static List<Polygon>? Polygons(JsonElement geometry, string id, GeometryFactory factory, List<string> warnings)
    {
        var type = geometry.ValueKind == JsonValueKind.Object && geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "Polygon":
                return [.. new[] { Polygon(Coordinates(geometry, id), id, factory) }.OfType<Polygon>()];
            case "MultiPolygon":
                return [.. Coordinates(geometry, id).EnumerateArray().Select(polygon => Polygon(polygon, id, factory)).OfType<Polygon>()];
            case "GeometryCollection":
                var members = geometry.TryGetProperty("geometries", out var g) && g.ValueKind == JsonValueKind.Array ? g : default;
                var polygons = members.ValueKind == JsonValueKind.Array
                    ? members.EnumerateArray().SelectMany(m => Polygons(m, id, factory, warnings) ?? []).ToList()
                    : [];
                return polygons.Count > 0 ? polygons : Skip(id, "a GeometryCollection without polygons", warnings);
            case "Point" or "MultiPoint" or "LineString" or "MultiLineString":
                return Skip(id, $"a {type}", warnings);
            default:
                throw new MapInputException($"Region \"{id}\" has geometry of unknown type \"{type}\"; use Polygon or MultiPolygon.");
        }
    }

    private static List<Polygon>? Skip(string id, string what, List<string> warnings)
    {
        warnings.Add($"Feature \"{id}\" is {what}, not an area: it was left out.");
        return null;
    }

    private static JsonElement Coordinates(JsonElement geometry, string id) =>
        geometry.TryGetProperty("coordinates", out var c) && c.ValueKind == JsonValueKind.Array
            ? c
            : throw new MapInputException($"Region \"{id}\" has a geometry without a \"coordinates\" array.");

    /// <summary>The polygon, or null when it has no rings at all (an empty polygon, left for the repair to report).</summary>
    private static Polygon? Polygon(JsonElement rings, string id, GeometryFactory factory)
    {
        if (rings.ValueKind != JsonValueKind.Array)
        {
            throw new MapInputException($"Region \"{id}\" has a polygon that is not an array of rings.");
        }

        if (rings.GetArrayLength() == 0)
        {
            return null;
        }

        var parsed = rings.EnumerateArray().Select(ring => Ring(ring, id)).ToList();
        var shell = factory.CreateLinearRing(PolygonRepair.CloseRing(parsed[0]));
        var holes = parsed.Skip(1).Select(h => factory.CreateLinearRing(PolygonRepair.CloseRing(h))).ToArray();
        return factory.CreatePolygon(shell, holes);
    }

    private static Coordinate[] Ring(JsonElement ring, string id)
    {
        if (ring.ValueKind != JsonValueKind.Array)
        {
            throw new MapInputException($"Region \"{id}\" has a ring that is not an array of positions.");
        }

        var coordinates = new Coordinate[ring.GetArrayLength()];
        var k = 0;
        foreach (var position in ring.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
            {
                throw new MapInputException($"Region \"{id}\" has a position that is not [x, y] numbers (vertex {k + 1} of a ring).");
            }

            var x = position[0].GetDouble();
            var y = position[1].GetDouble();
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                throw new MapInputException($"Region \"{id}\" has a vertex that is not a finite number.");
            }

            coordinates[k++] = new Coordinate(x, y);
        }

        return coordinates;
    }
}
