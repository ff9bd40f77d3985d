using System.Globalization;
using System.Text;
using GoCart.Lambda.Drawing;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace GoCart.Site.Maps;

/// <summary>
/// A gallery thumbnail of planar regions, written for size: a whole library of them loads at once when a browser
/// runs no script (no lazy loading), so every byte counts. Borders are simplified to the picture's resolution,
/// parts of a region too small to see are left out (never a region's largest part), and coordinates are whole
/// steps on a half-pixel grid, each relative to the previous point: about a third of the bytes of absolute
/// coordinates with a decimal.
/// </summary>
public static class ThumbnailSvg
{
    public const double Width = 240;

    /// <summary>Grid steps per pixel: the viewBox is this many times the displayed size.</summary>
    private const int Steps = 2;

    private const double TolerancePixels = 0.7;

    private const double SmallestPartSquarePixels = 1.5;

    public const string CartogramStyle = """fill="#9cb9e3" stroke="#ffffff" stroke-width="0.8" """;

    public const string OutlineStyle = """fill="#f2f5fa" stroke="#3d6fb6" stroke-width="1.2" """;

    /// <summary>Shown while a thumbnail is being drawn: the same size as a thumbnail's box, and a few hundred bytes.</summary>
    public const string Placeholder = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 150" width="240" height="150"><rect width="240" height="150" fill="#f2f5fa"/><text x="120" y="80" text-anchor="middle" font-family="sans-serif" font-size="13" fill="#52627a">Drawing the map…</text></svg>""";

    /// <summary>The regions' geometries (planar, y up) in one SVG; <paramref name="style"/> sets fill and stroke (stroke widths in grid steps).</summary>
    public static string Render(IReadOnlyList<Geometry> planar, string style)
    {
        var frame = MapFrame.Fit(MapFrame.EnvelopeOf(planar), Width);
        var tolerance = TolerancePixels / frame.Scale;
        var smallest = SmallestPartSquarePixels / (frame.Scale * frame.Scale);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Whole(frame.Width * Steps)} {Whole(frame.Height * Steps)}" width="{Whole(frame.Width)}" height="{Whole(frame.Height)}">""");
        svg.Append("<g ").Append(style).Append("""stroke-linejoin="round" fill-rule="evenodd">""");
        foreach (var geometry in planar)
        {
            var path = new StringBuilder();
            foreach (var polygon in VisibleParts(TopologyPreservingSimplifier.Simplify(geometry, tolerance), smallest))
            {
                Ring(path, polygon.ExteriorRing.CoordinateSequence, frame);
                foreach (var hole in polygon.InteriorRings.Where(h => NetTopologySuite.Algorithm.Area.OfRing(h.CoordinateSequence) >= smallest))
                {
                    Ring(path, hole.CoordinateSequence, frame);
                }
            }

            if (path.Length > 0)
            {
                svg.Append("<path d=\"").Append(path).Append("\"/>");
            }
        }

        svg.Append("</g></svg>");
        return svg.ToString();
    }

    /// <summary>The polygons large enough to see, and always the largest one so that no region vanishes.</summary>
    private static IEnumerable<Polygon> VisibleParts(Geometry geometry, double smallest)
    {
        var parts = Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).OfType<Polygon>().Where(p => !p.IsEmpty).ToList();
        var largest = parts.Count == 0 ? null : parts.MaxBy(p => p.Area);
        return parts.Where(p => p == largest || p.Area >= smallest);
    }

    /// <summary>"M x y l dx dy … z" in grid steps; points that round onto the previous one are dropped, and so is a ring left with fewer than three.</summary>
    private static void Ring(StringBuilder path, CoordinateSequence ring, MapFrame frame)
    {
        var points = new List<(long X, long Y)>(ring.Count);
        for (var k = 0; k < ring.Count; k++)
        {
            var point = (X: (long)Math.Round(frame.X(ring.GetX(k)) * Steps), Y: (long)Math.Round(frame.Y(ring.GetY(k)) * Steps));
            if (points.Count == 0 || points[^1] != point)
            {
                points.Add(point);
            }
        }

        if (points.Count > 1 && points[0] == points[^1])
        {
            points.RemoveAt(points.Count - 1);
        }

        if (points.Count < 3)
        {
            return;
        }

        path.Append('M').Append(Whole(points[0].X)).Append(' ').Append(Whole(points[0].Y)).Append('l');
        for (var k = 1; k < points.Count; k++)
        {
            Step(path, points[k].X - points[k - 1].X, k > 1);
            Step(path, points[k].Y - points[k - 1].Y, true);
        }

        path.Append('z');
    }

    /// <summary>One number of a relative step; a minus sign separates it from the number before, else a space does.</summary>
    private static void Step(StringBuilder path, long delta, bool afterNumber)
    {
        if (afterNumber && delta >= 0)
        {
            path.Append(' ');
        }

        path.Append(delta.ToString(CultureInfo.InvariantCulture));
    }

    private static string Whole(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);
}
