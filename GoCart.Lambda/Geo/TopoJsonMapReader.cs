using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Reads TopoJSON as world-atlas and us-atlas ship it (topojson-specification 1.0): arcs decoded with the
/// quantization transform (delta-encoded positions) when there is one, rings stitched from shared arcs (a negative
/// index ~i walks arc i backwards), and one object chosen: the one named, or else the one with the most polygons.
/// </summary>
public static class TopoJsonMapReader
{
    public static bool IsTopology(JsonElement root) => MapJson.Type(root) == "Topology";

    public static SourceMap Read(JsonElement root, string? regionIdProperty, string? objectName, MapReadLimits limits)
    {
        var warnings = new List<string>();
        return SourceMapBuilder.Build(Features(root, objectName, limits, warnings), regionIdProperty, limits, null, warnings);
    }

    public static List<MapFeature> Features(JsonElement root, string? objectName, MapReadLimits limits, List<string> warnings)
    {
        if (!root.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Object)
        {
            throw new MapInputException("The TopoJSON has no \"objects\"; it needs an object of polygons (such as \"countries\").");
        }

        if (!root.TryGetProperty("arcs", out var arcsJson) || arcsJson.ValueKind != JsonValueKind.Array)
        {
            throw new MapInputException("The TopoJSON has no \"arcs\" array.");
        }

        var counts = objects.EnumerateObject().Select(o => (o.Name, Polygons: CountPolygons(o.Value))).ToList();
        var listed = string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"\"{c.Name}\" ({c.Polygons:N0} polygons)")));
        string chosen;
        if (objectName is { Length: > 0 })
        {
            chosen = counts.Any(c => c.Name == objectName)
                ? objectName
                : throw new MapInputException($"The TopoJSON has no object \"{objectName}\"; its objects are {listed}.");
        }
        else
        {
            chosen = counts.Count > 0 && counts.Max(c => c.Polygons) > 0
                ? counts.MaxBy(c => c.Polygons).Name
                : throw new MapInputException($"The TopoJSON's objects have no polygons ({(counts.Count == 0 ? "it has no objects" : listed)}); GoCart needs regions drawn as polygons.");
            if (counts.Count > 1)
            {
                warnings.Add($"The TopoJSON holds the objects {listed}; using \"{chosen}\", the one with the most polygons (choose another with \"object\").");
            }
        }

        var target = objects.GetProperty(chosen);
        var members = MapJson.Type(target) == "GeometryCollection" && target.TryGetProperty("geometries", out var g) && g.ValueKind == JsonValueKind.Array
            ? [.. g.EnumerateArray()]
            : new List<JsonElement> { target };
        MapReadLimits.CheckRegions(members.Count, limits);
        var arcs = Arcs(arcsJson, Transform(root));
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        var features = new List<MapFeature>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var properties = member.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p.Clone() : default;
            var featureId = member.TryGetProperty("id", out var id) ? MapFeature.Text(id) : null;
            var type = MapJson.Type(member);
            var polygons = new List<Polygon>();
            var label = MapFeature.FeatureLabel(i + 1, featureId, properties);
            var areas = Collect(member, arcs, factory, polygons, label);
            features.Add(new MapFeature(i + 1, featureId, properties, areas ? polygons : null, areas ? null : $"a {type ?? "geometry without a type"}"));
        }

        return features;
    }

    /// <summary>Adds the geometry's polygons; false when it has no areas at all (a Point, a LineString, null).</summary>
    private static bool Collect(JsonElement geometry, Coordinate[][] arcs, GeometryFactory factory, List<Polygon> polygons, string label)
    {
        switch (MapJson.Type(geometry))
        {
            case "Polygon":
                polygons.Add(Polygon(ArcsOf(geometry, label), arcs, factory, label));
                return true;
            case "MultiPolygon":
                polygons.AddRange(ArcsOf(geometry, label).EnumerateArray().Select(rings => Polygon(rings, arcs, factory, label)));
                return true;
            case "GeometryCollection":
                var any = false;
                if (geometry.TryGetProperty("geometries", out var members) && members.ValueKind == JsonValueKind.Array)
                {
                    foreach (var member in members.EnumerateArray())
                    {
                        any |= Collect(member, arcs, factory, polygons, label);
                    }
                }

                return any;
            case null:
                // A null geometry (TopoJSON writes {"type": null}): an empty area the builder reports.
                return true;
            default:
                return false;
        }
    }

    private static JsonElement ArcsOf(JsonElement geometry, string label) =>
        geometry.TryGetProperty("arcs", out var a) && a.ValueKind == JsonValueKind.Array
            ? a
            : throw new MapInputException($"In the TopoJSON, {label} has a polygon without an \"arcs\" array.");

    private static Polygon Polygon(JsonElement rings, Coordinate[][] arcs, GeometryFactory factory, string label)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            return factory.CreatePolygon();
        }

        var stitched = rings.EnumerateArray().Select(r => factory.CreateLinearRing(PolygonRepair.CloseRing(Ring(r, arcs, label)))).ToList();
        return factory.CreatePolygon(stitched[0], [.. stitched.Skip(1)]);
    }

    private static Coordinate[] Ring(JsonElement indexes, Coordinate[][] arcs, string label)
    {
        if (indexes.ValueKind != JsonValueKind.Array)
        {
            throw new MapInputException($"In the TopoJSON, {label} has a ring that is not a list of arc indexes.");
        }

        var ring = new List<Coordinate>();
        foreach (var index in indexes.EnumerateArray())
        {
            if (index.ValueKind != JsonValueKind.Number || !index.TryGetInt32(out var k) || (k >= 0 ? k : ~k) >= arcs.Length)
            {
                throw new MapInputException($"In the TopoJSON, {label} refers to arc {index.GetRawText()}, but the file has {arcs.Length} arcs.");
            }

            var arc = arcs[k >= 0 ? k : ~k];
            var start = ring.Count == 0 ? 0 : 1;
            for (var j = start; j < arc.Length; j++)
            {
                ring.Add((k >= 0 ? arc[j] : arc[arc.Length - 1 - j]).Copy());
            }
        }

        return [.. ring];
    }

    private static (double Sx, double Sy, double Tx, double Ty)? Transform(JsonElement root)
    {
        if (!root.TryGetProperty("transform", out var t) || t.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (!t.TryGetProperty("scale", out var s) || !t.TryGetProperty("translate", out var tr)
            || s.ValueKind != JsonValueKind.Array || tr.ValueKind != JsonValueKind.Array || s.GetArrayLength() < 2 || tr.GetArrayLength() < 2
            || !s[0].TryGetDouble(out var sx) || !s[1].TryGetDouble(out var sy) || !tr[0].TryGetDouble(out var tx) || !tr[1].TryGetDouble(out var ty))
        {
            throw new MapInputException("The TopoJSON's \"transform\" needs \"scale\" and \"translate\" as two numbers each.");
        }

        return (sx, sy, tx, ty);
    }

    private static Coordinate[][] Arcs(JsonElement arcsJson, (double Sx, double Sy, double Tx, double Ty)? transform)
    {
        var arcs = new Coordinate[arcsJson.GetArrayLength()][];
        var a = 0;
        foreach (var arc in arcsJson.EnumerateArray())
        {
            if (arc.ValueKind != JsonValueKind.Array)
            {
                throw new MapInputException($"TopoJSON arc {a} is not an array of positions.");
            }

            var points = new Coordinate[arc.GetArrayLength()];
            double x = 0, y = 0;
            var k = 0;
            foreach (var position in arc.EnumerateArray())
            {
                if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                    || !position[0].TryGetDouble(out var px) || !position[1].TryGetDouble(out var py) || !double.IsFinite(px) || !double.IsFinite(py))
                {
                    throw new MapInputException($"TopoJSON arc {a} has a position that is not two finite numbers (position {k + 1}).");
                }

                if (transform is { } t)
                {
                    x += px;
                    y += py;
                    points[k++] = new Coordinate((x * t.Sx) + t.Tx, (y * t.Sy) + t.Ty);
                }
                else
                {
                    points[k++] = new Coordinate(px, py);
                }
            }

            arcs[a++] = points;
        }

        return arcs;
    }

    private static int CountPolygons(JsonElement geometry) => MapJson.Type(geometry) switch
    {
        "Polygon" => 1,
        "MultiPolygon" => geometry.TryGetProperty("arcs", out var a) && a.ValueKind == JsonValueKind.Array ? a.GetArrayLength() : 0,
        "GeometryCollection" => geometry.TryGetProperty("geometries", out var g) && g.ValueKind == JsonValueKind.Array ? g.EnumerateArray().Sum(CountPolygons) : 0,
        _ => 0,
    };
}
