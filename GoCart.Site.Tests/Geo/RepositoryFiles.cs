namespace GoCart.Site.Tests.Geo;

/// <summary>Finds files of this repository (the shipped maps, the benchmark sample) from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>The library maps the tests read: the first folder of CARTOGRAM_MAPS_DIR when it is set.</summary>
    public static string MapData { get; } = FindMapData();

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
            ? Path.Combine(Root, "GoCart.Site", "MapData")
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
