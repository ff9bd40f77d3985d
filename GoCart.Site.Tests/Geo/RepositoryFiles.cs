namespace GoCart.Site.Tests.Geo;

/// <summary>Finds files of this repository (the shipped maps, the benchmark sample) from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string MapData => Path.Combine(Root, "GoCart.Site", "MapData");

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
