using System.Text.Json;
using GoCart.Lambda.Geo;

namespace GoCart.Site.Maps;

/// <summary>
/// A map the user uploaded: its boundaries as GeoJSON (TopoJSON and zipped shapefiles are converted by the engine's
/// readers, then validated and size-checked), the property that names its regions, the other properties that
/// could, its regions for the data table, what was repaired or left out, and the regions offered as insets.
/// </summary>
public sealed record UploadedMap(JsonElement Geometry, string IdProperty, IReadOnlyList<RegionIdCandidate> Candidates, IReadOnlyList<MapRegion> Regions, IReadOnlyList<string> Warnings)
{
    private static readonly string[] NameProperties = ["name", "NAME", "Name", "shapeName", "NAME_1", "NAME_EN", "ADMIN", "NAME_LONG", "admin"];

    /// <summary>Regions far from the main land mass, with the inset side suggested for each.</summary>
    public IReadOnlyDictionary<string, string> FarFlung { get; init; } = new Dictionary<string, string>();

    /// <summary>Regions on the main map with polygons far from it, and how many.</summary>
    public IReadOnlyDictionary<string, int> FarParts { get; init; } = new Dictionary<string, int>();

    /// <summary>Regions left out because they have no usable area.</summary>
    public IReadOnlyList<DroppedRegion> Dropped { get; init; } = [];

    public static UploadedMap Read(JsonElement geometry, string? idProperty)
    {
        var map = MapFileReader.Read(geometry, idProperty, null, MapReadLimits.Default);
        var regions = map.Regions.Select(r => new MapRegion(r.Id, Name(r), null, null, null, null)).ToList();
        var warnings = map.FarFlung.Count == 0 ? map.Warnings : [.. map.Warnings,
            $"{string.Join(", ", map.FarFlung.Keys)} lie far from the main map: the table's Inset column draws them as insets ({string.Join(", ", map.FarFlung.Select(f => $"{f.Key}: {f.Value}"))}). Clear a region's Inset to keep it on the main map, or leave it out of the map file."];
        return new UploadedMap(geometry, map.RegionIdProperty, map.IdCandidates, regions, warnings)
        {
            FarFlung = map.FarFlung,
            FarParts = map.FarParts.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal),
            Dropped = map.Dropped,
        };
    }

    /// <summary>The map's GeoJSON without the regions <paramref name="leaveOut"/> names and, when asked, without the far parts of the others; the notes name what went.</summary>
    public static (JsonElement Geometry, IReadOnlyList<string> Notes) LeaveOut(JsonElement geometry, string idProperty, IReadOnlyList<string> leaveOut, bool farParts)
    {
        var map = MapFileReader.Read(geometry, idProperty, null, MapReadLimits.Default);
        var kept = new FarFlungChoice(FarFlungMode.Keep, leaveOut, farParts).Apply(map);
        return ReferenceEquals(kept, map) ? (geometry, []) : (SourceMapGeoJson.Write(kept), kept.Warnings.Skip(map.Warnings.Count).ToList());
    }

    /// <summary>An uploaded file (GeoJSON, TopoJSON or a zipped shapefile) as the GeoJSON the engine is sent.</summary>
    public static JsonElement Normalise(byte[] file, string? objectName) =>
        MapFileReader.ToGeoJson(file, Blank(objectName), MapReadLimits.Default);

    /// <summary>
    /// The API's <c>geometry</c> as GeoJSON: a GeoJSON or TopoJSON object, or a string holding a zipped shapefile
    /// in base64.
    /// </summary>
    public static JsonElement Normalise(JsonElement geometry, string? objectName)
    {
        if (geometry.ValueKind == JsonValueKind.String)
        {
            var bytes = geometry.TryGetBytesFromBase64(out var decoded) ? decoded : throw new MapInputException("\"geometry\" is a string but not base64: give GeoJSON or TopoJSON as a JSON object, or a zipped shapefile as base64 text.");
            return Normalise(bytes, objectName);
        }

        return MapFileReader.ToGeoJson(geometry, Blank(objectName), MapReadLimits.Default);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Name(SourceRegion region)
    {
        if (region.Properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in NameProperties)
            {
                if (region.Properties.TryGetProperty(name, out var value) && MapFeature.Text(value) is { Length: > 0 } text)
                {
                    return text;
                }
            }
        }

        return region.Id;
    }
}
