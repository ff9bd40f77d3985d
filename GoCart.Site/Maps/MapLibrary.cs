using System.Collections.Frozen;
using GoCart.Lambda.Geo;

namespace GoCart.Site.Maps;

/// <summary>
/// The built-in maps shipped in the content root's MapData folder, read once at start-up. A map's id is its
/// folder name. Geometry is read from disk when needed, never kept for every map.
/// </summary>
public sealed class MapLibrary
{
    private static readonly string[] NameColumns = ["ShapeName", "Name", "NAME_LATN", "ADM1_EN"];
    private readonly FrozenDictionary<string, LibraryMap> _maps;

    public MapLibrary(string folder)
    {
        Folder = folder;
        _maps = (Directory.Exists(folder) ? Directory.EnumerateDirectories(folder) : [])
            .Select(Load)
            .OfType<LibraryMap>()
            .ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);
        Maps = [.. _maps.Values.OrderBy(m => m.Name, StringComparer.Ordinal)];
    }

    public string Folder { get; }

    /// <summary>Every map, ordered by name.</summary>
    public IReadOnlyList<LibraryMap> Maps { get; }

    public LibraryMap? Find(string? id) => id is not null && _maps.TryGetValue(id, out var map) ? map : null;

    /// <summary>The map's GeoJSON bytes (read from disk each time; callers cache what they derive).</summary>
    public static byte[] ReadGeoJson(LibraryMap map) => File.ReadAllBytes(map.GeoJsonPath);

    private static LibraryMap? Load(string directory)
    {
        var id = Path.GetFileName(directory);
        var geoJson = Directory.EnumerateFiles(directory, "*.geojson").Order(StringComparer.Ordinal).FirstOrDefault();
        var dataFiles = Directory.EnumerateFiles(directory, "*.csv").OrderBy(DataFileRank).ThenBy(f => f, StringComparer.Ordinal).ToList();
        if (geoJson is null || dataFiles.Count == 0)
        {
            return null;
        }

        var text = File.ReadAllText(dataFiles[0]);
        var data = RegionDataCsv.Parse(text);
        var names = NameColumn(text);
        var regions = data.Rows.Select(r => new MapRegion(r.Id, r.Label ?? (names.TryGetValue(r.Id, out var n) ? n : r.Id), r.Label, r.Value, r.Colour, r.Inset)).ToList();
        var provenance = Directory.EnumerateFiles(directory, "*.md").FirstOrDefault();
        return new LibraryMap(id, MapNames.Readable(id), geoJson, [.. dataFiles.Select(f => Path.GetFileName(f))], data, regions,
            provenance is null ? "" : File.ReadAllText(provenance));
    }

    /// <summary>Population data first, and the variant that places detached parts in insets before the plain one.</summary>
    private static int DataFileRank(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var population = name.Contains("population", StringComparison.OrdinalIgnoreCase) ? 0 : 2;
        var insetted = name.EndsWith("_insetted", StringComparison.OrdinalIgnoreCase) ? 0 : 1;
        return population + insetted;
    }

    /// <summary>A readable name per region id from a name column beside the id (ShapeName and the like), if any.</summary>
    private static Dictionary<string, string> NameColumn(string text)
    {
        var (_, records) = CsvReader.Read(text);
        var header = records[0].Select(h => h.Trim()).ToList();
        var column = NameColumns.Select(n => header.FindIndex(1, h => h.Equals(n, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(i => i > 0, -1);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (column < 0)
        {
            return names;
        }

        foreach (var record in records.Skip(1).Where(r => r.Count > column && r[column].Trim().Length > 0))
        {
            names.TryAdd(record[0].Trim(), record[column].Trim());
        }

        return names;
    }
}
