using System.Text.Json;

namespace GoCart.Lambda.Geo;

/// <summary>Parsing a JSON boundary file (GeoJSON or TopoJSON) with the reader's depth limit and a message that says where it broke.</summary>
internal static class MapJson
{
    public static JsonDocument Parse(ReadOnlyMemory<byte> json, MapReadLimits limits)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = limits.MaxDepth, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" at line {line + 1}, position {exception.BytePositionInLine + 1}" : "";
            throw new MapInputException($"The map file is not valid JSON{where}. GoCart reads GeoJSON, TopoJSON and zipped shapefiles (.zip with .shp, .shx, .dbf); check the file is one of them and not truncated.", exception);
        }
    }

    /// <summary>The "type" member of a JSON object, or null.</summary>
    public static string? Type(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
}
