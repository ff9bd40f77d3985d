using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using GoCart.Lambda.Drawing;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Geo.Projections;
using GoCart.Site.Infrastructure;
using NetTopologySuite.Simplify;

namespace GoCart.Site.Maps;

/// <summary>
/// Small SVG pictures of the library maps for the gallery: projected like the engine projects them, simplified
/// to the thumbnail's resolution, drawn once and kept in the data folder (and in memory) from then on.
/// </summary>
public sealed class MapThumbnails(MapLibrary maps, SiteSettings settings)
{
    private const double Width = 240;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _cache = new(StringComparer.Ordinal);

    public Task<string>? Get(string id) =>
        maps.Find(id) is { } map
            ? _cache.GetOrAdd(id, _ => new Lazy<Task<string>>(() => Task.Run(() => Load(map)))).Value
            : null;

    private string Load(LibraryMap map)
    {
        var folder = Path.Combine(settings.DataDir, "thumbnails");
        var file = Path.Combine(folder, map.Id + ".svg");
        var source = File.GetLastWriteTimeUtc(map.GeoJsonPath);
        if (File.Exists(file) && File.GetLastWriteTimeUtc(file) >= source)
        {
            return File.ReadAllText(file);
        }

        var svg = Render(map);
        Directory.CreateDirectory(folder);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, svg);
        File.Move(temporary, file, overwrite: true);
        return svg;
    }

    public static string Render(LibraryMap map)
    {
        var source = GeoJsonMapReader.Read(MapLibrary.ReadGeoJson(map), map.IdProperty);
        var geometries = source.Regions.Select(r => r.Geometry).ToList();
        var planar = source.IsLonLat ? MapProjector.Project(geometries).Geometries : geometries;
        var frame = MapFrame.Fit(MapFrame.EnvelopeOf(planar), Width);
        var tolerance = 0.6 / frame.Scale;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SvgPaths.Number(frame.Width)} {SvgPaths.Number(frame.Height)}" width="{SvgPaths.Number(frame.Width)}" height="{SvgPaths.Number(frame.Height)}">""");
        svg.Append("""<g fill="#9cb9e3" stroke="#ffffff" stroke-width="0.4" stroke-linejoin="round" fill-rule="evenodd">""");
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
