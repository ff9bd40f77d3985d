using System.Globalization;
using System.Text.Json;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Reads a GeoJSON FeatureCollection of regions: one feature per region, identified by a property. Polygons and
/// MultiPolygons (and polygons inside GeometryCollections) are kept, stray points and lines are skipped with a
/// warning, and every problem the user can fix is a <see cref="MapInputException"/> that names the region.
/// Geometry is repaired where that is safe (<see cref="PolygonRepair"/>).
/// </summary>
public static class GeoJsonMapReader
{
    private const double LonLatSlack = 1e-6;

    public static SourceMap Read(ReadOnlyMemory<byte> json, string? regionIdProperty, MapReadLimits? limits = null)
    {
        limits ??= MapReadLimits.Default;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = limits.MaxDepth, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" at line {line + 1}, position {exception.BytePositionInLine + 1}" : "";
            throw new MapInputException($"The map file is not valid JSON{where}. Check that it is a GeoJSON file and not truncated.", exception);
        }

        using (document)
        {
            return Read(document.RootElement, regionIdProperty, limits);
        }
    }

    public static SourceMap Read(JsonElement root, string? regionIdProperty, MapReadLimits? limits = null)
    {
        limits ??= MapReadLimits.Default;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw new MapInputException("The map must be a GeoJSON object with \"type\": \"FeatureCollection\".");
        }

        if (type.GetString() != "FeatureCollection" || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new MapInputException($"The map is a GeoJSON {type.GetString()}, but GoCart needs a FeatureCollection with one feature per region.");
        }

        var count = features.GetArrayLength();
        if (count == 0)
        {
            throw new MapInputException("The map has no features; it needs one polygon feature per region.");
        }

        if (count > limits.MaxRegions)
        {
            throw new MapInputException($"The map has {count} features; GoCart accepts at most {limits.MaxRegions} regions.");
        }

        var idProperty = regionIdProperty is { Length: > 0 } given ? given : GuessIdProperty(features);
        var warnings = new List<string>();
        if (regionIdProperty is not { Length: > 0 })
        {
            warnings.Add($"No region id property was given; using \"{idProperty}\", whose values are unique.");
        }

        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        var regions = new List<SourceRegion>(count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var vertices = 0;
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            index++;
            var properties = feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var id = RegionId(properties, idProperty, index, features);
            if (!seen.TryAdd(id, index))
            {
                throw new MapInputException($"Region id \"{id}\" appears twice (features {seen[id]} and {index}); every region needs its own id in \"{idProperty}\".");
            }

            if (!feature.TryGetProperty("geometry", out var geometryJson) || geometryJson.ValueKind == JsonValueKind.Null)
            {
                throw new MapInputException($"Region \"{id}\" has no geometry; give it a Polygon or MultiPolygon or remove the feature.");
            }

            var polygons = GeometryParser.Polygons(geometryJson, id, factory, warnings);
            if (polygons is null)
            {
                continue;
            }

            vertices += polygons.Sum(x => x.NumPoints);
            if (vertices > limits.MaxVertices)
            {
                throw new MapInputException($"The map has more than {limits.MaxVertices:N0} vertices; simplify its boundaries (for example with mapshaper) and upload it again.");
            }

            var repaired = PolygonRepair.Repair(polygons, id, factory, warnings);
            regions.Add(new SourceRegion(id, repaired, properties.ValueKind == JsonValueKind.Object ? properties.Clone() : default));
        }

        if (regions.Count == 0)
        {
            throw new MapInputException("The map has no polygons: GoCart needs regions drawn as Polygon or MultiPolygon features.");
        }

        return new SourceMap(regions, warnings, IsLonLat(regions), idProperty);
    }

    private static string RegionId(JsonElement properties, string idProperty, int index, JsonElement features)
    {
        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(idProperty, out var value))
        {
            throw new MapInputException($"Feature {index} has no \"{idProperty}\" property. The features' properties are: {string.Join(", ", PropertyNames(features).Take(20))}.");
        }

        var id = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
            _ => "",
        };
        return id.Length > 0 ? id : throw new MapInputException($"Feature {index} has an empty \"{idProperty}\"; every region needs an id.");
    }

    private static string GuessIdProperty(JsonElement features)
    {
        foreach (var name in PropertyNames(features))
        {
            var values = new HashSet<string>(StringComparer.Ordinal);
            var usable = true;
            foreach (var feature in features.EnumerateArray())
            {
                if (!feature.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object
                    || !p.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String || !values.Add(v.GetString()!))
                {
                    usable = false;
                    break;
                }
            }

            if (usable)
            {
                return name;
            }
        }

        throw new MapInputException("No property has a unique text value for every feature; choose the property that names the regions.");
    }

    private static List<string> PropertyNames(JsonElement features)
    {
        var names = new List<string>();
        foreach (var feature in features.EnumerateArray().Take(50))
        {
            if (feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in p.EnumerateObject())
                {
                    if (!names.Contains(property.Name))
                    {
                        names.Add(property.Name);
                    }
                }
            }
        }

        return names;
    }

    private static bool IsLonLat(List<SourceRegion> regions)
    {
        foreach (var region in regions)
        {
            var envelope = region.Geometry.EnvelopeInternal;
            if (envelope.MinX < -180 - LonLatSlack || envelope.MaxX > 180 + LonLatSlack || envelope.MinY < -90 - LonLatSlack || envelope.MaxY > 90 + LonLatSlack)
            {
                return false;
            }
        }

        return true;
    }
}
