using GoCart.Lambda.Drawing;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// Drops the vertices that none of several pictures of the same rings needs: Douglas–Peucker in picture units,
/// where a vertex's distance from the simplified line is the largest of its distances in the pictures. The
/// engine densifies boundaries so that they bend smoothly, which on a 640-unit page leaves many vertices a
/// fraction of a unit apart; the equal-area map and every column's cartogram keep the same vertices, so the morph
/// between any two of them still pairs them one to one.
/// </summary>
public static class JointSimplifier
{
    /// <summary>Half a picture unit: below what a browser draws, above the 0.1 to which paths are rounded.</summary>
    public const double Tolerance = 0.5;

    /// <summary>The pictures simplified together; returned unchanged when they are not the same rings.</summary>
    public static Geometry[] Simplify(IReadOnlyList<Geometry> shapes, IReadOnlyList<MapFrame> frames)
    {
        var first = shapes[0];
        if (!shapes.Skip(1).All(other => SameShape(first, other)))
        {
            return [.. shapes];
        }

        var factory = first.Factory;
        var polygons = shapes.Select(_ => new Polygon[first.NumGeometries]).ToArray();
        for (var g = 0; g < first.NumGeometries; g++)
        {
            var parts = shapes.Select(s => (Polygon)s.GetGeometryN(g)).ToArray();
            var shells = Rings([.. parts.Select(p => p.Shell)], frames, factory);
            var holes = parts[0].Holes.Select((_, h) => Rings([.. parts.Select(p => p.Holes[h])], frames, factory)).ToArray();
            for (var s = 0; s < shapes.Count; s++)
            {
                polygons[s][g] = factory.CreatePolygon(shells[s], [.. holes.Select(h => h[s])]);
            }
        }

        return [.. polygons.Select(p => first is Polygon ? (Geometry)p[0] : factory.CreateMultiPolygon(p))];
    }

    /// <summary>Whether two geometries are the same rings (same parts, holes and vertex counts), so they can be simplified together.</summary>
    public static bool SameShape(Geometry first, Geometry second)
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

    private static LinearRing[] Rings(LinearRing[] rings, IReadOnlyList<MapFrame> frames, GeometryFactory factory)
    {
        var pictures = rings.Select((ring, s) => Picture(ring.CoordinateSequence, frames[s])).ToArray();
        var last = pictures[0].Length - 1; // the closing vertex repeats the first
        if (last < 4)
        {
            return rings;
        }

        var keep = new bool[last + 1];
        keep[0] = keep[last] = true;
        var far = Farthest(pictures, 0, last);
        keep[far] = true;
        Mark(pictures, 0, far, keep);
        Mark(pictures, far, last, keep);
        if (keep.Count(k => k) < 4)
        {
            return rings; // a speck of a ring: not worth simplifying, and a ring needs four vertices
        }

        return [.. rings.Select(ring => Kept(ring.CoordinateSequence, keep, factory))];
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

    /// <summary>The vertex farthest from the ring's first one (in any picture), which splits the ring in two.</summary>
    private static int Farthest(Coordinate[][] pictures, int from, int to)
    {
        var best = from + 1;
        var bestDistance = -1.0;
        for (var k = from + 1; k < to; k++)
        {
            var distance = 0.0;
            foreach (var p in pictures)
            {
                distance = Math.Max(distance, p[k].Distance(p[from]));
            }

            if (distance > bestDistance)
            {
                (best, bestDistance) = (k, distance);
            }
        }

        return best;
    }

    private static void Mark(Coordinate[][] pictures, int from, int to, bool[] keep)
    {
        var spans = new Stack<(int From, int To)>();
        spans.Push((from, to));
        while (spans.TryPop(out var span))
        {
            var split = -1;
            var worst = Tolerance;
            for (var k = span.From + 1; k < span.To; k++)
            {
                var distance = 0.0;
                foreach (var p in pictures)
                {
                    distance = Math.Max(distance, SegmentDistance(p[k], p[span.From], p[span.To]));
                }

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
