using System.Globalization;
using System.Text.Json;
using GoCart.Lambda.Geo;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Layers;

/// <summary>
/// Reads a layer file: GeoJSON (a FeatureCollection, a Feature or a bare geometry of Points, MultiPoints,
/// LineStrings or MultiLineStrings) or a CSV of places with longitude and latitude columns and optional label and
/// size columns. Every problem is a <see cref="MapInputException"/> that names the file and what to fix.
/// </summary>
public static class LayerReader
{
    private static readonly string[] LongitudeNames = ["longitude", "lon", "lng", "long", "x"];
    private static readonly string[] LatitudeNames = ["latitude", "lat", "y"];
    private static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();

    public static MapLayer Read(string name, string text)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var layer = trimmed.StartsWith('{') ? FromGeoJson(name, trimmed) : FromCsv(name, text);
        if (layer.Features.Count == 0)
        {
            throw new MapInputException($"The layer \"{name}\" has no points or lines.");
        }

        if (layer.Features.Count > LayerLimits.MaxFeatures || layer.Features.Sum(f => f.Geometry.NumPoints) > LayerLimits.MaxVertices)
        {
            throw new MapInputException($"The layer \"{name}\" is too large: at most {LayerLimits.MaxFeatures:N0} features and {LayerLimits.MaxVertices:N0} points.");
        }

        return layer;
    }

    /// <summary>A layer given as GeoJSON text.</summary>
    public static MapLayer FromGeoJson(string name, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MapReadLimits.Default.MaxDepth, AllowTrailingCommas = true });
            return FromGeoJson(name, document.RootElement);
        }
        catch (JsonException exception)
        {
            throw new MapInputException($"The layer \"{name}\" is not valid JSON (line {exception.LineNumber + 1}). Give a GeoJSON file of points or lines, or a CSV with longitude and latitude columns.", exception);
        }
    }

    public static MapLayer FromGeoJson(string name, JsonElement root)
    {
        var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var features = new List<LayerFeature>();
        var empty = JsonDocument.Parse("{}").RootElement;
        switch (type)
        {
            case "FeatureCollection" when root.TryGetProperty("features", out var array) && array.ValueKind == JsonValueKind.Array:
                var index = 0;
                foreach (var feature in array.EnumerateArray())
                {
                    features.Add(Feature(name, feature, ++index));
                }

                break;
            case "Feature":
                features.Add(Feature(name, root, 1));
                break;
            case "Point" or "MultiPoint" or "LineString" or "MultiLineString":
                features.Add(new LayerFeature(Geometry(name, root, 1), empty));
                break;
            default:
                throw new MapInputException($"The layer \"{name}\" is a GeoJSON {type ?? "value"}; layers take Points and lines (LineString, MultiLineString), best as a FeatureCollection. Regions belong in the map itself.");
        }

        return new MapLayer(name, features);
    }

    /// <summary>A layer of places from CSV: longitude and latitude columns (lon/lat, lng), optional label (or name) and size.</summary>
    public static MapLayer FromCsv(string name, string text)
    {
        var (_, records) = CsvReader.Read(text);
        if (records.Count < 2)
        {
            throw new MapInputException($"The layer \"{name}\" needs a header row and at least one place.");
        }

        var header = records[0].Select(h => h.Trim()).ToList();
        var lon = Column(header, LongitudeNames);
        var lat = Column(header, LatitudeNames);
        if (lon < 0 || lat < 0)
        {
            throw new MapInputException($"The layer \"{name}\" needs a longitude and a latitude column (headers such as \"longitude\" and \"latitude\", or \"lon\" and \"lat\"); its columns are {string.Join(", ", header.Select(h => $"\"{h}\""))}.");
        }

        var features = new List<LayerFeature>();
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var x = Number(name, r + 1, header[lon], record.ElementAtOrDefault(lon));
            var y = Number(name, r + 1, header[lat], record.ElementAtOrDefault(lat));
            if (!(x >= -180 && x <= 360 && y >= -90 && y <= 90))
            {
                throw new MapInputException($"Row {r + 1} of the layer \"{name}\": longitude {x} and latitude {y} are not a place on Earth (longitude −180 to 180, latitude −90 to 90). Are the two columns swapped?");
            }

            features.Add(new LayerFeature(Factory.CreatePoint(new Coordinate(x, y)), Properties(header, record, lon, lat)));
        }

        return new MapLayer(name, features);
    }

    private static LayerFeature Feature(string name, JsonElement feature, int index)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            throw new MapInputException($"Feature {index} of the layer \"{name}\" has no geometry.");
        }

        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p.Clone() : JsonDocument.Parse("{}").RootElement;
        if (feature.TryGetProperty("id", out var id) && !properties.TryGetProperty("id", out _) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            properties = WithId(properties, id);
        }

        return new LayerFeature(Geometry(name, geometry, index), properties);
    }

    private static Geometry Geometry(string name, JsonElement geometry, int index)
    {
        var type = geometry.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw new MapInputException($"Feature {index} of the layer \"{name}\" is a {type ?? "geometry"} without coordinates; layers take Points, MultiPoints, LineStrings and MultiLineStrings.");
        }

        return type switch
        {
            "Point" => Factory.CreatePoint(Position(name, coordinates, index)),
            "MultiPoint" => Factory.CreateMultiPointFromCoords([.. coordinates.EnumerateArray().Select(c => Position(name, c, index))]),
            "LineString" => Line(name, coordinates, index),
            "MultiLineString" => Factory.CreateMultiLineString([.. coordinates.EnumerateArray().Select(l => Line(name, l, index))]),
            _ => throw new MapInputException($"Feature {index} of the layer \"{name}\" is a {type}; layers take Points and lines (LineString, MultiLineString). Regions belong in the map itself."),
        };
    }

    private static LineString Line(string name, JsonElement coordinates, int index)
    {
        var points = coordinates.ValueKind == JsonValueKind.Array ? coordinates.EnumerateArray().Select(c => Position(name, c, index)).ToArray() : [];
        return points.Length >= 2
            ? Factory.CreateLineString(points)
            : throw new MapInputException($"Feature {index} of the layer \"{name}\" has a line with fewer than two points.");
    }

    private static Coordinate Position(string name, JsonElement position, int index)
    {
        if (position.ValueKind == JsonValueKind.Array && position.GetArrayLength() >= 2
            && position[0].ValueKind == JsonValueKind.Number && position[1].ValueKind == JsonValueKind.Number
            && position[0].GetDouble() is var x && position[1].GetDouble() is var y && double.IsFinite(x) && double.IsFinite(y))
        {
            return new Coordinate(x, y);
        }

        throw new MapInputException($"Feature {index} of the layer \"{name}\" has a position that is not two finite numbers: {position.GetRawText()}.");
    }

    private static int Column(List<string> header, string[] names) =>
        names.Select(n => header.FindIndex(h => string.Equals(h, n, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(i => i >= 0, -1);

    private static double Number(string name, int row, string column, string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new MapInputException($"Row {row} of the layer \"{name}\": {column} \"{text}\" is not a number (use a dot for decimals, as in 2.35).");

    private static JsonElement Properties(List<string> header, List<string> record, int lon, int lat)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var c = 0; c < header.Count; c++)
            {
                if (c == lon || c == lat || header[c].Length == 0)
                {
                    continue;
                }

                var value = record.ElementAtOrDefault(c)?.Trim() ?? "";
                var key = header[c].ToLowerInvariant() is "label" or "size" ? header[c].ToLowerInvariant() : header[c];
                if (key == "size" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var size) && double.IsFinite(size))
                {
                    writer.WriteNumber(key, size);
                }
                else
                {
                    writer.WriteString(key, value);
                }
            }

            writer.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    private static JsonElement WithId(JsonElement properties, JsonElement id)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            foreach (var property in properties.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }
}
