using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using GoCart.Lambda.Drawing;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Geo.Projections;
using GoCart.Site.Cartograms;
using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace GoCart.Site.Maps;

/// <summary>
/// Small SVG pictures of the library maps for the gallery: the equal-area outline (projected like the engine
/// projects it) and the population cartogram once its example is computed, simplified to the thumbnail's
/// resolution, drawn once and kept in the data folder (and in memory) from then on.
/// </summary>
public sealed class MapThumbnails(MapLibrary maps, SiteSettings settings, IServiceScopeFactory scopes)
{
    private const double Width = 240;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _cache = new(StringComparer.Ordinal);

    /// <summary>The map's equal-area outline; null for an unknown map.</summary>
    public Task<string>? Get(string id) =>
        maps.Find(id) is { } map ? Cached(map.Id + ".svg", () => Task.Run(() => Load(map))) : null;

    /// <summary>The map's population cartogram, or null while its example is not computed (or the map is unknown).</summary>
    public async Task<string?> CartogramAsync(string id, CancellationToken cancellation)
    {
        if (maps.Find(id) is not { } map)
        {
            return null;
        }

        var key = CartogramKeys.Example(map);
        var file = key + ".svg";
        if (_cache.ContainsKey(file) || File.Exists(Path.Combine(Folder, file)))
        {
            return await Cached(file, () => Task.FromResult(File.ReadAllText(Path.Combine(Folder, file))));
        }

        using var scope = scopes.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
        var result = await database.Cartograms.AsNoTracking()
            .Where(c => c.Key == key && c.Status == CartogramRecordStatus.Succeeded)
            .Select(c => c.ResultJson).FirstOrDefaultAsync(cancellation);
        return result is null
            ? null
            : await Cached(file, () => Task.Run(() => Save(file, Render(CartogramResult.Parse(CompressedJson.Decompress(result), withGeometry: true).Cartogram, CartogramStyle))));
    }

    private string Folder => Path.Combine(settings.DataDir, "thumbnails");

    private Task<string> Cached(string file, Func<Task<string>> load) =>
        _cache.GetOrAdd(file, _ => new Lazy<Task<string>>(load)).Value;

    private string Load(LibraryMap map)
    {
        var file = Path.Combine(Folder, map.Id + ".svg");
        if (File.Exists(file) && File.GetLastWriteTimeUtc(file) >= File.GetLastWriteTimeUtc(map.GeoJsonPath))
        {
            return File.ReadAllText(file);
        }

        return Save(map.Id + ".svg", Outline(map));
    }

    private string Save(string name, string svg)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, name);
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, svg);
        File.Move(temporary, file, overwrite: true);
        return svg;
    }

    private static string Outline(LibraryMap map)
    {
        var source = GeoJsonMapReader.Read(MapLibrary.ReadGeoJson(map), map.IdProperty);
        var geometries = source.Regions.Select(r => r.Geometry).ToList();
        return Render(source.IsLonLat ? MapProjector.Project(geometries).Geometries : geometries, OutlineStyle);
    }

    private const string CartogramStyle = """fill="#9cb9e3" stroke="#ffffff" stroke-width="0.4" """;
    private const string OutlineStyle = """fill="#f2f5fa" stroke="#3d6fb6" stroke-width="0.6" """;

    private static string Render(IReadOnlyList<Geometry> planar, string style)
    {
        var frame = MapFrame.Fit(MapFrame.EnvelopeOf(planar), Width);
        var tolerance = 0.6 / frame.Scale;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SvgPaths.Number(frame.Width)} {SvgPaths.Number(frame.Height)}" width="{SvgPaths.Number(frame.Width)}" height="{SvgPaths.Number(frame.Height)}">""");
        svg.Append("<g ").Append(style).Append("""stroke-linejoin="round" fill-rule="evenodd">""");
        foreach (var geometry in planar)
        {
            var simple = TopologyPreservingSimplifier.Simplify(geometry, tolerance);
            if (!simple.IsEmpty)
            {
                svg.Append("<path d=\"").Append(SvgPaths.Path(simple, frame)).Append("\"/>");
            }
        }

        svg.Append("</g></svg>");
        return svg.ToString();
    }
}
