using GoCart.Lambda.Drawing;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// Drops the vertices that neither of two pictures of the same rings needs: Douglas–Peucker in picture units,
/// where a vertex's distance from the simplified line is the larger of its distances in the two pictures. The
/// engine densifies boundaries so that they bend smoothly, which on a 640-unit page leaves many vertices a
/// fraction of a unit apart; both maps keep the same vertices, so the morph still pairs them one to one.
/// </summary>
public static class JointSimplifier
{
    /// <summary>Half a picture unit: below what a browser draws, above the 0.1 to which paths are rounded.</summary>
    public const double Tolerance = 0.5;

    public static (Geometry First, Geometry Second) Simplify(Geometry first, MapFrame firstFrame, Geometry second, MapFrame secondFrame)
    {
        if (!SameShape(first, second))
        {
            return (first, second);
        }

        var factory = first.Factory;
        var firstPolygons = new Polygon[first.NumGeometries];
        var secondPolygons = new Polygon[first.NumGeometries];
        for (var g = 0; g < first.NumGeometries; g++)
        {
            var a = (Polygon)first.GetGeometryN(g);
            var b = (Polygon)second.GetGeometryN(g);
            var shells = Ring(a.Shell, firstFrame, b.Shell, secondFrame, factory);
            var holes = a.Holes.Select((hole, h) => Ring(hole, firstFrame, b.Holes[h], secondFrame, factory)).ToArray();
            firstPolygons[g] = factory.CreatePolygon(shells.First, holes.Select(h => h.First).ToArray());
            secondPolygons[g] = factory.CreatePolygon(shells.Second, holes.Select(h => h.Second).ToArray());
        }

        return first is Polygon
            ? (firstPolygons[0], secondPolygons[0])
            : (factory.CreateMultiPolygon(firstPolygons), factory.CreateMultiPolygon(secondPolygons));
    }

    private static bool SameShape(Geometry first, Geometry second)
    {
        if (first is not (Polygon or MultiPolygon) || first.GetType() != second.GetType() || first.NumGeometries != second.NumGeometries)
        {
            return false;
        }

        for (var g = 0; g < first.NumGeometries; g++)
        {
            if (first.GetGeometryN(g) is not Polygon a || second.GetGeometryN(g) is not Polygon b || a.NumInteriorRings != b.NumInteriorRings
                || a.Shell.NumPoints != b.Shell.NumPoints || a.Holes.Where((hole, h) => hole.NumPoints != b.Holes[h].NumPoints).Any())
            {
                return false;
            }
        }

        return true;
    }

    private static (LinearRing First, LinearRing Second) Ring(LinearRing first, MapFrame firstFrame, LinearRing second, MapFrame secondFrame, GeometryFactory factory)
    {
        var a = Picture(first.CoordinateSequence, firstFrame);
        var b = Picture(second.CoordinateSequence, secondFrame);
        var last = a.Length - 1; // the closing vertex repeats the first
        if (last < 4)
        {
            return (first, second);
        }

        var keep = new bool[a.Length];
        keep[0] = keep[last] = true;
        var far = Farthest(a, b, 0, last);
        keep[far] = true;
        Mark(a, b, 0, far, keep);
        Mark(a, b, far, last, keep);
        if (keep.Count(k => k) < 4)
        {
            return (first, second); // a speck of a ring: not worth simplifying, and a ring needs four vertices
        }

        return (Kept(first.CoordinateSequence, keep, factory), Kept(second.CoordinateSequence, keep, factory));
    }

    private static Coordinate[] Picture(CoordinateSequence ring, MapFrame frame)
    {
        var points = new Coordinate[ring.Count];
        for (var k = 0; k < points.Length; k++)
        {
            points[k] = new Coordinate(frame.X(ring.GetX(k)), frame.Y(ring.GetY(k)));
        }

        return points;
    }

    /// <summary>The vertex farthest from the ring's first one (in either picture), which splits the ring in two.</summary>
    private static int Farthest(Coordinate[] a, Coordinate[] b, int from, int to)
    {
        var best = from + 1;
        var bestDistance = -1.0;
        for (var k = from + 1; k < to; k++)
        {
            var distance = Math.Max(a[k].Distance(a[from]), b[k].Distance(b[from]));
            if (distance > bestDistance)
            {
                (best, bestDistance) = (k, distance);
            }
        }

        return best;
    }

    private static void Mark(Coordinate[] a, Coordinate[] b, int from, int to, bool[] keep)
    {
        var spans = new Stack<(int From, int To)>();
        spans.Push((from, to));
        while (spans.TryPop(out var span))
        {
            var split = -1;
            var worst = Tolerance;
            for (var k = span.From + 1; k < span.To; k++)
            {
                var distance = Math.Max(SegmentDistance(a[k], a[span.From], a[span.To]), SegmentDistance(b[k], b[span.From], b[span.To]));
                if (distance > worst)
                {
                    (split, worst) = (k, distance);
                }
            }

            if (split >= 0)
            {
                keep[split] = true;
                spans.Push((span.From, split));
                spans.Push((split, span.To));
            }
        }
    }

    private static double SegmentDistance(Coordinate p, Coordinate start, Coordinate end) =>
        NetTopologySuite.Algorithm.DistanceComputer.PointToSegment(p, start, end);

    private static LinearRing Kept(CoordinateSequence ring, bool[] keep, GeometryFactory factory)
    {
        var kept = new List<Coordinate>(keep.Length);
        for (var k = 0; k < keep.Length; k++)
        {
            if (keep[k])
            {
                kept.Add(ring.GetCoordinateCopy(k));
            }
        }

        return factory.CreateLinearRing(kept.ToArray());
    }
}
