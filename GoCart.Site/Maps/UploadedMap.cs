using System.Globalization;
using System.Text.Json;
using GoCart.Lambda.Geo;

namespace GoCart.Site.Maps;

/// <summary>
/// A map the user uploaded: its GeoJSON (validated and size-checked by the engine's reader), the property that
/// names its regions, the other properties that could, and its regions for the data table.
/// </summary>
public sealed record UploadedMap(JsonElement Geometry, string IdProperty, IReadOnlyList<IdCandidate> Candidates, IReadOnlyList<MapRegion> Regions, IReadOnlyList<string> Warnings)
{
    private static readonly string[] NameProperties = ["name", "NAME", "Name", "shapeName", "NAME_1", "NAME_EN", "ADMIN"];

    public static UploadedMap Read(JsonElement geometry, string? idProperty)
    {
        var map = GeoJsonMapReader.Read(geometry, idProperty, MapReadLimits.Default);
        var regions = map.Regions.Select(r => new MapRegion(r.Id, Name(r), null, null, null, null)).ToList();
        return new UploadedMap(geometry, map.RegionIdProperty, CandidatesOf(geometry), regions, map.Warnings);
    }

    public static JsonElement Parse(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MapReadLimits.Default.MaxDepth, AllowTrailingCommas = true });
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new MapInputException($"The map file is not valid JSON{where}. Check that it is a GeoJSON file and not truncated.", exception);
        }
    }

    /// <summary>Properties present in every feature with a distinct, non-empty value: each could name the regions.</summary>
    private static List<IdCandidate> CandidatesOf(JsonElement geometry)
    {
        var features = geometry.GetProperty("features").EnumerateArray().Select(f =>
            f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default).ToList();
        if (features.Count == 0 || features[0].ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var candidates = new List<IdCandidate>();
        foreach (var property in features[0].EnumerateObject().Select(p => p.Name))
        {
            var values = features.Select(f => f.ValueKind == JsonValueKind.Object && f.TryGetProperty(property, out var v) ? Text(v) : "").ToList();
            if (values.All(v => v.Length > 0) && values.Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                candidates.Add(new IdCandidate(property, [.. values.Take(3)]));
            }
        }

        return candidates;
    }

    private static string Name(SourceRegion region)
    {
        if (region.Properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in NameProperties)
            {
                if (region.Properties.TryGetProperty(name, out var value) && Text(value) is { Length: > 0 } text)
                {
                    return text;
                }
            }
        }

        return region.Id;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => "",
    };
}

/// <summary>A property that could identify regions, with a few of its values as examples.</summary>
public sealed record IdCandidate(string Property, IReadOnlyList<string> Examples);
