using System.Text.Json;

namespace GoCart.Lambda.Geo;

/// <summary>
/// The one entry point for boundary files, shared by the site's upload, the JSON API, the Lambda and
/// <c>gocart generate --map</c>: it tells a zipped shapefile, TopoJSON and GeoJSON apart by their content (not the
/// file name) and hands each to its reader; all three give the same <see cref="SourceMap"/>.
/// </summary>
public static class MapFileReader
{
    /// <summary>Reads a boundary file; <paramref name="objectName"/> picks the TopoJSON object or the shapefile in a zip holding several (null: the one with the most polygons).</summary>
    public static SourceMap Read(ReadOnlyMemory<byte> file, string? regionIdProperty, string? objectName, MapReadLimits? limits = null)
    {
        limits ??= MapReadLimits.Default;
        if (ShapefileZipReader.IsZip(file.Span))
        {
            return ShapefileZipReader.Read(file, regionIdProperty, objectName, limits);
        }

        using var document = MapJson.Parse(file, limits);
        return Read(document.RootElement, regionIdProperty, objectName, limits);
    }

    public static SourceMap Read(JsonElement root, string? regionIdProperty, string? objectName, MapReadLimits? limits = null)
    {
        limits ??= MapReadLimits.Default;
        return TopoJsonMapReader.IsTopology(root)
            ? TopoJsonMapReader.Read(root, regionIdProperty, objectName, limits)
            : GeoJsonMapReader.Read(root, regionIdProperty, limits);
    }

    /// <summary>
    /// The file as GeoJSON, the form the engine's request carries: GeoJSON as it is, TopoJSON (the chosen object)
    /// and zipped shapefiles as their decoded, unrepaired features. Reading the result gives the same map.
    /// </summary>
    public static JsonElement ToGeoJson(ReadOnlyMemory<byte> file, string? objectName, MapReadLimits? limits = null)
    {
        limits ??= MapReadLimits.Default;
        if (ShapefileZipReader.IsZip(file.Span))
        {
            var (features, lonLat) = ShapefileZipReader.Features(file, objectName, limits, []);
            return MapFeatureGeoJson.Write(features, lonLat);
        }

        using var document = MapJson.Parse(file, limits);
        return ToGeoJson(document.RootElement, objectName, limits);
    }

    public static JsonElement ToGeoJson(JsonElement root, string? objectName, MapReadLimits? limits = null) =>
        TopoJsonMapReader.IsTopology(root)
            ? MapFeatureGeoJson.Write(TopoJsonMapReader.Features(root, objectName, limits ?? MapReadLimits.Default, []), null)
            : root.Clone();
}
