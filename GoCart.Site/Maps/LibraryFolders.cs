using GoCart.Site.Infrastructure;

namespace GoCart.Site.Maps;

/// <summary>
/// Where the library's maps come from: the folders of <see cref="SiteSettings.MapsDirKey"/> in the order given,
/// or the starter library that ships with the site when it is empty. A map is a sub-folder holding a GeoJSON
/// file and at least one CSV; its id is the sub-folder's name.
/// </summary>
public static class LibraryFolders
{
    public const string StarterFolderName = "StarterMaps";

    public static IReadOnlyList<string> Of(SiteSettings settings, string contentRoot) =>
        settings.MapsDirs.Count > 0 ? settings.MapsDirs : [Starter(contentRoot)];

    /// <summary>The starter library: under the content root, else next to the site's assembly (started from elsewhere).</summary>
    public static string Starter(string contentRoot)
    {
        var underRoot = Path.Combine(contentRoot, StarterFolderName);
        return Directory.Exists(underRoot) ? underRoot : Path.Combine(AppContext.BaseDirectory, StarterFolderName);
    }

    public static IEnumerable<string> MapDirectories(string folder) =>
        Directory.EnumerateDirectories(folder).Where(IsMap).Order(StringComparer.Ordinal);

    public static bool IsMap(string directory) =>
        Directory.EnumerateFiles(directory, "*.geojson").Any() && Directory.EnumerateFiles(directory, "*.csv").Any();

    public static IEnumerable<string> Problems(SiteSettings settings)
    {
        foreach (var folder in settings.MapsDirs)
        {
            if (!Directory.Exists(folder))
            {
                yield return $"{SiteSettings.MapsDirKey}: the folder '{folder}' does not exist. Give folders of maps separated by ':' (each map a sub-folder with a .geojson and its .csv files), or leave it empty for the starter library.";
            }
            else if (!MapDirectories(folder).Any())
            {
                yield return $"{SiteSettings.MapsDirKey}: the folder '{folder}' holds no map: each map is a sub-folder with one .geojson file and at least one .csv file (see docs/maps.md).";
            }
        }

        var unknown = MapLicence.ParseHidden(settings.HiddenLicencesText).Unknown;
        if (unknown.Count > 0)
        {
            yield return $"{SiteSettings.HiddenLicencesKey}: unknown licence {string.Join(", ", unknown.Select(u => $"'{u}'"))}; use a comma-separated list of {string.Join(", ", MapLicence.All.Select(l => l.Id))}.";
        }

        if (settings.WarmUpText is { } warmUp && !bool.TryParse(warmUp, out _))
        {
            yield return $"{SiteSettings.WarmUpKey} must be true or false.";
        }
    }
}
