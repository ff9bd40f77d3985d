using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.PublicData;

/// <summary>
/// The public boundary files users download, installed from the npm registry by scripts/public-maps.sh
/// (scripts/test.sh runs it and sets GOCART_TEST_PUBLIC_MAPS): world-atlas 2.0.2 and us-atlas 3.0.1 as
/// TopoJSON, converted to GeoJSON with topojson-client, and zipped shapefiles written by mapshaper.
/// </summary>
public static class PublicMaps
{
    public static string Folder { get; } = FindFolder();

    /// <summary>world-atlas countries-50m (Natural Earth 1:50m), TopoJSON, object "countries" (and "land").</summary>
    public static string Countries50mTopoJson => File("countries-50m.json");

    public static string Countries50mGeoJson => File("countries-50m.geojson");

    /// <summary>world-atlas countries-110m (Natural Earth 1:110m), TopoJSON.</summary>
    public static string Countries110mTopoJson => File("countries-110m.json");

    public static string Countries110mGeoJson => File("countries-110m.geojson");

    /// <summary>countries-110m as a zipped shapefile written by mapshaper (WGS 84 .prj, UTF-8 .cpg).</summary>
    public static string Countries110mShapefileZip => File("countries-110m-shapefile.zip");

    /// <summary>us-atlas states-10m (US Census, longitude/latitude), TopoJSON, objects "states" and "nation".</summary>
    public static string States10mTopoJson => File("states-10m.json");

    public static string States10mGeoJson => File("states-10m.geojson");

    public static string States10mShapefileZip => File("states-10m-shapefile.zip");

    /// <summary>us-atlas counties-10m, TopoJSON, objects "counties", "states" and "nation".</summary>
    public static string Counties10mTopoJson => File("counties-10m.json");

    public static string Counties10mGeoJson => File("counties-10m.geojson");

    /// <summary>us-atlas's pre-projected states: planar, in pixel units of a 975 × 610 frame.</summary>
    public static string StatesAlbers10mTopoJson => File("states-albers-10m.json");

    public static string StatesAlbers10mGeoJson => File("states-albers-10m.geojson");

    private static string File(string name)
    {
        var path = Path.Combine(Folder, name);
        return System.IO.File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{name} is missing from {Folder}: run scripts/public-maps.sh.", path);
    }

    private static string FindFolder()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("GOCART_TEST_PUBLIC_MAPS");
        return string.IsNullOrWhiteSpace(fromEnvironment)
            ? Path.Combine(RepositoryFiles.Root, "artifacts", "public-maps")
            : fromEnvironment;
    }
}
