namespace GoCart.Site.Tests.Geo;

/// <summary>
/// Finds the maps the tests read from the test's output folder: go-cart.io's library (the first folder of
/// CARTOGRAM_MAPS_DIR, which scripts/test.sh sets; else the shared maps folder beside the repository, read in
/// place) and the starter library that ships with the site.
/// </summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>The library maps the tests read: the first folder of CARTOGRAM_MAPS_DIR when it is set.</summary>
    public static string MapData { get; } = FindMapData();

    /// <summary>
    /// Null when go-cart.io's library is there; else why the tests that read it are skipped and how to get it
    /// (scripts/test.sh then runs the site on the starter library).
    /// </summary>
    public static string? MissingLibraryReason { get; } = Directory.Exists(MapData)
        ? null
        : $"Needs go-cart.io's map library, not found at {MapData}: set CARTOGRAM_MAPS_DIR to it (docs/maps.md, \"Obtaining go-cart.io's library\").";

    /// <summary>The starter library built into the site (scripts/starter-maps.sh writes it).</summary>
    public static string StarterMaps { get; } = Path.Combine(Root, "GoCart.Site", "StarterMaps");

    /// <summary>A file of a library map, by map id and file name.</summary>
    public static string MapFile(string mapId, string file) => Path.Combine(MapData, mapId, file);

    public static IEnumerable<string> MapFolders() =>
        Directory.EnumerateDirectories(MapData).Order(StringComparer.Ordinal);

    public static string GeoJson(string folder) => Directory.EnumerateFiles(folder, "*.geojson").Single();

    /// <summary>The map's population CSV (its first CSV when none is named so).</summary>
    public static string PopulationCsv(string folder)
    {
        var csvs = Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList();
        return csvs.FirstOrDefault(c => Path.GetFileName(c).Contains("population", StringComparison.OrdinalIgnoreCase) && !c.Contains("insetted", StringComparison.Ordinal))
            ?? csvs.First();
    }

    private static string FindMapData()
    {
        var configured = Environment.GetEnvironmentVariable("CARTOGRAM_MAPS_DIR")?.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(configured)
            ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "maps"))
            : Path.GetFullPath(configured, Root);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GoCart.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GoCart.sln not found above the test output folder.");
    }
}
