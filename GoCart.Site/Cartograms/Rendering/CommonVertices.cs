using NetTopologySuite.Geometries;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// Puts one region's cartograms of several columns on one set of vertices, so the page can morph between columns
/// point by point. The engine densifies each column's rings as its own flow needs, so the columns' rings differ in
/// vertex count; but each result's equal-area map carries every vertex's original place, and all of them lie on
/// the same original outline. Each ring is parametrised by arc length along that outline, the union of all
/// columns' vertex parameters is taken, and every cartogram is sampled there: its own vertices exactly, the
/// others by linear interpolation along its edge (where the engine had not needed a vertex, the edge is straight).
/// </summary>
public static class CommonVertices
{
    private const double Tolerance = 1e-7;

    /// <summary>
    /// The equal-area outline and each column's cartogram on the common vertices, or null when the columns' outlines
    /// do not line up (other parts, holes, start or length), in which case they are drawn as they are.
    /// </summary>
    public static (Geometry EqualArea, Geometry[] Cartograms)? Align(IReadOnlyList<Geometry> equalAreas, IReadOnlyList<Geometry> cartograms)
    {
        var first = equalAreas[0];
        if (first is not (Polygon or MultiPolygon) || equalAreas.Concat(cartograms).Any(g => g.GetType() != first.GetType() || g.NumGeometries != first.NumGeometries))
        {
            return null;
        }

        var factory = first.Factory;
        var equalParts = new Polygon[first.NumGeometries];
        var cartogramParts = cartograms.Select(_ => new Polygon[first.NumGeometries]).ToArray();
        for (var g = 0; g < first.NumGeometries; g++)
        {
            var equal = equalAreas.Select(e => (Polygon)e.GetGeometryN(g)).ToArray();
            var moved = cartograms.Select(c => (Polygon)c.GetGeometryN(g)).ToArray();
            if (equal.Concat(moved).Any(p => p.NumInteriorRings != equal[0].NumInteriorRings))
            {
                return null;
            }

            var rings = new List<LinearRing[]>();
            for (var r = 0; r <= equal[0].NumInteriorRings; r++)
            {
                var aligned = Rings([.. equal.Select(p => Ring(p, r).Coordinates)], [.. moved.Select(p => Ring(p, r).Coordinates)], factory);
                if (aligned is null)
                {
                    return null;
                }

                rings.Add(aligned);
            }

            equalParts[g] = factory.CreatePolygon(rings[0][0], [.. rings.Skip(1).Select(r => r[0])]);
            for (var c = 0; c < cartograms.Count; c++)
            {
                cartogramParts[c][g] = factory.CreatePolygon(rings[0][c + 1], [.. rings.Skip(1).Select(r => r[c + 1])]);
            }
        }

        return first is Polygon
            ? (equalParts[0], [.. cartogramParts.Select(p => (Geometry)p[0])])
            : (factory.CreateMultiPolygon(equalParts), [.. cartogramParts.Select(p => (Geometry)factory.CreateMultiPolygon(p))]);
    }

    private static LinearRing Ring(Polygon polygon, int r) => r == 0 ? polygon.Shell : polygon.Holes[r - 1];

    /// <summary>The equal-area ring, then each column's cartogram ring, sampled at the union of the columns' arc-length parameters.</summary>
    private static LinearRing[]? Rings(Coordinate[][] equal, Coordinate[][] moved, GeometryFactory factory)
    {
        for (var c = 0; c < equal.Length; c++)
        {
            if (equal[c].Length != moved[c].Length || equal[c].Length < 4)
            {
                return null;
            }
        }

        var lengths = equal.Select(ArcLengths).ToArray();
        var total = lengths[0][^1];
        var scale = Math.Max(total, 1e-12);
        for (var c = 1; c < equal.Length; c++)
        {
            if (Math.Abs(lengths[c][^1] - total) > Tolerance * scale || equal[c][0].Distance(equal[0][0]) > Tolerance * scale)
            {
                return null;
            }
        }

        var common = Union(lengths, Tolerance * scale);
        return [Ring(Sample(equal[0], lengths[0], common), factory), .. moved.Select((ring, c) => Ring(Sample(ring, lengths[c], common), factory))];
    }

    private static LinearRing Ring(Coordinate[] points, GeometryFactory factory) => factory.CreateLinearRing(points);

    private static double[] ArcLengths(Coordinate[] ring)
    {
        var s = new double[ring.Length];
        for (var k = 1; k < ring.Length; k++)
        {
            s[k] = s[k - 1] + ring[k].Distance(ring[k - 1]);
        }

        return s;
    }

    private static List<double> Union(double[][] lengths, double tolerance)
    {
        var all = lengths.SelectMany(s => s).Order().ToList();
        var union = new List<double>(all.Count);
        foreach (var s in all)
        {
            if (union.Count == 0 || s - union[^1] > tolerance)
            {
                union.Add(s);
            }
        }

        union[^1] = lengths[0][^1]; // the closing vertex
        return union;
    }

    /// <summary>The ring's points at the given arc-length parameters of its outline, walking both in order.</summary>
    private static Coordinate[] Sample(Coordinate[] ring, double[] lengths, List<double> at)
    {
        var points = new Coordinate[at.Count];
        var k = 0;
        for (var j = 0; j < at.Count; j++)
        {
            while (k < ring.Length - 2 && lengths[k + 1] < at[j])
            {
                k++;
            }

            var span = lengths[k + 1] - lengths[k];
            var t = span > 0 ? Math.Clamp((at[j] - lengths[k]) / span, 0, 1) : 0;
            points[j] = new Coordinate(ring[k].X + (t * (ring[k + 1].X - ring[k].X)), ring[k].Y + (t * (ring[k + 1].Y - ring[k].Y)));
        }

        points[^1] = points[0].Copy(); // closed exactly
        return points;
    }
}
