using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Drawing;

/// <summary>
/// SVG path data of polygonal geometries: every ring as "M x y x y … Z" (pairs after the move are implicit
/// line-tos) with coordinates rounded to 0.1, the closing vertex dropped. Two geometries with the same rings and vertex counts give paths with the same
/// commands, which is what the morph between the equal-area map and the cartogram interpolates.
/// </summary>
public static class SvgPaths
{
    public static string Path(Geometry geometry, MapFrame frame)
    {
        var svg = new StringBuilder();
        for (var g = 0; g < geometry.NumGeometries; g++)
        {
            if (geometry.GetGeometryN(g) is not Polygon polygon)
            {
                continue;
            }

            Ring(svg, polygon.ExteriorRing.CoordinateSequence, frame);
            foreach (var hole in polygon.InteriorRings)
            {
                Ring(svg, hole.CoordinateSequence, frame);
            }
        }

        return svg.ToString();
    }

    private static void Ring(StringBuilder svg, CoordinateSequence ring, MapFrame frame)
    {
        var count = ring.Count;
        if (count > 1 && ring.GetX(0) == ring.GetX(count - 1) && ring.GetY(0) == ring.GetY(count - 1))
        {
            count--;
        }

        for (var k = 0; k < count; k++)
        {
            svg.Append(k == 0 ? 'M' : ' ')
                .Append(Number(frame.X(ring.GetX(k)))).Append(' ')
                .Append(Number(frame.Y(ring.GetY(k))));
        }

        svg.Append('Z');
    }

    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
