using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo.Projections;

/// <summary>
/// Rewrites longitudes so that a map cut at a given meridian is continuous: every ring is unwrapped vertex by
/// vertex (no jump over 180°) and each polygon is moved by whole turns into [cut, cut + 360). A ring that
/// circles a pole (Antarctica) is closed along the cut and the pole instead.
/// </summary>
internal static class LongitudeUnwrapper
{
    public static Geometry Unwrap(Geometry geometry, double cut, GeometryFactory factory)
    {
        var polygons = new List<Polygon>();
        for (var p = 0; p < geometry.NumGeometries; p++)
        {
            var polygon = (Polygon)geometry.GetGeometryN(p);
            var shell = UnwrapRing(polygon.Shell.Coordinates, cut);
            var shift = Shift(shell, cut);
            var holes = polygon.Holes.Select(h => factory.CreateLinearRing(Moved(UnwrapRing(h.Coordinates, cut), shift))).ToArray();
            polygons.Add(factory.CreatePolygon(factory.CreateLinearRing(Moved(shell, shift)), holes));
        }

        return polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon([.. polygons]);
    }

    private static Coordinate[] UnwrapRing(Coordinate[] ring, double cut)
    {
        var result = new Coordinate[ring.Length];
        result[0] = new Coordinate(ring[0].X, ring[0].Y);
        for (var i = 1; i < ring.Length; i++)
        {
            var x = ring[i].X;
            var previous = result[i - 1].X;
            x += 360 * Math.Round((previous - x) / 360);
            result[i] = new Coordinate(x, ring[i].Y);
        }

        var drift = result[^1].X - result[0].X;
        return Math.Abs(drift) > 180 ? AroundPole(ring, cut) : result;
    }

    /// <summary>A ring that goes once around a pole: wrap it into the strip and close it along the cut edges and the pole.</summary>
    public static Coordinate[] AroundPole(Coordinate[] ring, double cut)
    {
        var open = ring.Take(ring.Length - 1).Select(c => new Coordinate(cut + Offset(c.X, cut), c.Y)).ToList();
        var jump = 0;
        for (var i = 0; i < open.Count; i++)
        {
            var next = open[(i + 1) % open.Count];
            if (Math.Abs(next.X - open[i].X) > 180)
            {
                jump = i + 1;
                break;
            }
        }

        var path = open.Skip(jump).Concat(open.Take(jump)).ToList();
        var pole = path.Average(c => c.Y) < 0 ? -90.0 : 90.0;
        var endEdge = path[^1].X - cut > 180 ? cut + 360 : cut;
        var startEdge = endEdge == cut ? cut + 360 : cut;
        path.Add(new Coordinate(endEdge, path[^1].Y));
        path.Add(new Coordinate(endEdge, pole));
        path.Add(new Coordinate(startEdge, pole));
        path.Add(new Coordinate(startEdge, path[0].Y));
        path.Add(path[0].Copy());
        return [.. path];
    }

    private static double Shift(Coordinate[] shell, double cut)
    {
        var centre = 0.5 * (shell.Min(c => c.X) + shell.Max(c => c.X));
        return cut + Offset(centre, cut) - centre;
    }

    /// <summary>The ring moved by <paramref name="shift"/> degrees; an unmoved ring is returned as it is (it is already a fresh copy).</summary>
    private static Coordinate[] Moved(Coordinate[] ring, double shift) =>
        shift == 0 ? ring : [.. ring.Select(c => new Coordinate(c.X + shift, c.Y))];

    private static double Offset(double longitude, double cut)
    {
        var d = (longitude - cut) % 360;
        return d < 0 ? d + 360 : d;
    }
}
