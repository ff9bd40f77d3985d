using System.Text.Json;

namespace GoCart.Lambda.Geo;

/// <summary>
/// The old GeoJSON "crs" member (GeoJSON 2008; QGIS and GDAL still write it): a named geographic system (CRS84,
/// EPSG 4326 WGS 84, 4269 NAD 83, 4258 ETRS 89) means longitude/latitude, any other name planar coordinates. Without
/// it the reader judges by the coordinates' extent.
/// </summary>
public static class GeoJsonCrs
{
    public const string LonLat = "urn:ogc:def:crs:OGC:1.3:CRS84";

    /// <summary>What GoCart writes for a projected shapefile converted to GeoJSON.</summary>
    public const string Planar = "planar";

    private static readonly string[] Geographic = ["CRS84", "EPSG::4326", "EPSG:4326", "EPSG::4269", "EPSG:4269", "EPSG::4258", "EPSG:4258"];

    public static bool? IsLonLat(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("crs", out var crs) || crs.ValueKind != JsonValueKind.Object
            || !crs.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = name.GetString()!;
        return Geographic.Any(g => text.EndsWith(g, StringComparison.OrdinalIgnoreCase));
    }
}
