using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GoCart.Lambda.Geo;
using Markdig;

namespace GoCart.Site.Maps;

/// <summary>
/// The library maps of one or more folders (<see cref="LibraryFolders"/>), read once at start-up. A map's id is
/// its folder name; a later folder's map replaces an earlier one of the same id. Maps whose licence the operator
/// hides are left out. Geometry is read from disk when needed, never kept for every map.
/// </summary>
public sealed partial class MapLibrary
{
    private static readonly string[] NameColumns = ["ShapeName", "Name", "NAME_LATN", "ADM1_EN"];
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAutoLinks().UsePipeTables().DisableHtml().Build();
    private readonly FrozenDictionary<string, LibraryMap> _maps;

    public MapLibrary(IReadOnlyList<string> folders, IReadOnlySet<string>? hiddenLicences = null)
    {
        Folders = folders;
        var maps = new Dictionary<string, LibraryMap>(StringComparer.Ordinal);
        foreach (var map in folders.Where(Directory.Exists).SelectMany(LibraryFolders.MapDirectories).Select(Load))
        {
            maps[map.Id] = map;
        }

        _maps = maps.Values.Where(m => hiddenLicences?.Contains(m.Licence.Id) != true).ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);
        Maps = [.. _maps.Values.OrderBy(m => m.Name, StringComparer.Ordinal)];
    }

    public MapLibrary(string folder)
        : this([folder])
    {
    }

    public IReadOnlyList<string> Folders { get; }

    /// <summary>Every map, ordered by name (test maps included).</summary>
    public IReadOnlyList<LibraryMap> Maps { get; }

    /// <summary>The maps the public gallery shows.</summary>
    public IEnumerable<LibraryMap> Listed => Maps.Where(m => m.Listed);

    public LibraryMap? Find(string? id) => id is not null && _maps.TryGetValue(id, out var map) ? map : null;

    /// <summary>The map's GeoJSON bytes (read from disk each time; callers cache what they derive).</summary>
    public static byte[] ReadGeoJson(LibraryMap map) => File.ReadAllBytes(map.GeoJsonPath);

    private static LibraryMap Load(string directory)
    {
        var id = Path.GetFileName(directory);
        var geoJson = Directory.EnumerateFiles(directory, "*.geojson").Order(StringComparer.Ordinal).First();
        var dataFiles = Directory.EnumerateFiles(directory, "*.csv").OrderBy(DataFileRank).ThenBy(f => f, StringComparer.Ordinal).ToList();
        var text = ReadText(dataFiles[0]);
        var data = RegionDataCsv.Parse(text);
        var names = NameColumn(text);
        var regions = data.Rows.Select(r => new MapRegion(r.Id, r.Label ?? (names.TryGetValue(r.Id, out var n) ? n : r.Id), r.Label, r.Value, r.Colour, r.Inset)).ToList();
        var provenanceFile = Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal).FirstOrDefault();
        var provenance = provenanceFile is null ? "" : File.ReadAllText(provenanceFile);
        var dataFileNames = dataFiles.Select(f => Path.GetFileName(f)).ToList();
        return new LibraryMap(id, MapNames.Readable(id), geoJson, dataFileNames, data, regions, provenance)
        {
            Continent = MapContinents.Of(id),
            Licence = MapLicence.Of(provenance, Path.GetFileName(geoJson)),
            DataYear = Year().Matches(Path.GetFileNameWithoutExtension(dataFiles[0])).LastOrDefault()?.Value,
            AttributionHtml = Markdig.Markdown.ToHtml(provenance, Markdown),
            Stamp = Stamp(geoJson, dataFiles),
        };
    }

    /// <summary>
    /// A CSV as text: UTF-8, or Latin-1 when it is not valid UTF-8 (go-cart.io's county figures are Latin-1, with
    /// names such as "Doña Ana"), so that no name turns into replacement characters.
    /// </summary>
    private static string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>
    /// The data files' contents (hashed) and the GeoJSON's name and size: cheap to take for a hundred maps at every
    /// start, independent of file times (copies and mounts change those), and changed by any edit to the data.
    /// </summary>
    private static string Stamp(string geoJson, IEnumerable<string> dataFiles)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in dataFiles)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(geoJson)}:{new FileInfo(geoJson).Length}:{Convert.ToHexStringLower(hash.GetHashAndReset())}");
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

    [GeneratedRegex(@"(?<!\d)(1[89]|20)\d\d(?!\d)")]
    private static partial Regex Year();
}
