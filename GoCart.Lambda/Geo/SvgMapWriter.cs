using System.Globalization;
using System.Security;
using System.Text;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Draws planar polygons (y up) as an SVG document (y down): one path per region with even-odd filling, so
/// holes stay holes, a fill colour and a title for tooltips. Coordinates are scaled to the requested width and
/// rounded to 0.1 px, which keeps files small without visible loss.
/// </summary>
public static class SvgMapWriter
{
    public static string Write(IReadOnlyList<Geometry> regions, IReadOnlyList<string> fills, IReadOnlyList<string> titles, double width, string label)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(fills.Count, regions.Count, nameof(fills));
        ArgumentOutOfRangeException.ThrowIfNotEqual(titles.Count, regions.Count, nameof(titles));
        var envelope = new Envelope();
        foreach (var region in regions)
        {
            envelope.ExpandToInclude(region.EnvelopeInternal);
        }

        const double margin = 4;
        var scale = (width - (2 * margin)) / Math.Max(envelope.Width, envelope.Height * 1e-9);
        var height = (envelope.Height * scale) + (2 * margin);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:0.#} {height:0.#}" width="{width:0.#}" height="{height:0.#}" role="img" aria-label="{SecurityElement.Escape(label)}">""");
        svg.Append("""<g stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round">""");
        for (var i = 0; i < regions.Count; i++)
        {
            svg.Append("<path fill-rule=\"evenodd\" fill=\"").Append(SecurityElement.Escape(fills[i])).Append("\" d=\"");
            AppendPath(svg, regions[i], envelope, scale, margin);
            svg.Append("\"><title>").Append(SecurityElement.Escape(titles[i])).Append("</title></path>");
        }

        svg.Append("</g></svg>");
        return svg.ToString();
    }

    /// <summary>The SVG path data of one polygonal geometry under the given mapping.</summary>
    public static void AppendPath(StringBuilder svg, Geometry geometry, Envelope envelope, double scale, double margin)
    {
        for (var g = 0; g < geometry.NumGeometries; g++)
        {
            if (geometry.GetGeometryN(g) is not Polygon polygon)
            {
                continue;
            }

            AppendRing(svg, polygon.ExteriorRing.CoordinateSequence, envelope, scale, margin);
            foreach (var hole in polygon.InteriorRings)
            {
                AppendRing(svg, hole.CoordinateSequence, envelope, scale, margin);
            }
        }
    }

    private static void AppendRing(StringBuilder svg, CoordinateSequence ring, Envelope envelope, double scale, double margin)
    {
        var count = ring.Count;
        if (count > 1 && ring.GetX(0) == ring.GetX(count - 1) && ring.GetY(0) == ring.GetY(count - 1))
        {
            count--;
        }

        for (var k = 0; k < count; k++)
        {
            var x = ((ring.GetX(k) - envelope.MinX) * scale) + margin;
            var y = ((envelope.MaxY - ring.GetY(k)) * scale) + margin;
            svg.Append(k == 0 ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ').Append(y.ToString("0.#", CultureInfo.InvariantCulture));
        }

        svg.Append('Z');
    }
}
