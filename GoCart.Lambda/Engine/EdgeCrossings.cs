namespace GoCart.Lambda.Engine;

/// <summary>
/// The map-wide crossing check: edges of any two rings (of one region or of two, a ring with itself too) that
/// cross properly. Shared borders share their points, so neighbours' edges meet only at common endpoints; a
/// proper crossing is where the flow has folded one border over another and two regions overlap. Edges are
/// bucketed by the lattice cells their boxes cover and only edges sharing a cell are compared, so the check is
/// linear in the number of edges and cheap enough to run after every integration.
/// </summary>
internal static class EdgeCrossings
{
    /// <summary>The endpoints of every edge that crosses another; empty when no two edges cross.</summary>
    public static HashSet<int> Points(RingMap map, double[] x, double[] y)
    {
        var points = new HashSet<int>();
        foreach (var (a, b, c, d) in Pairs(map, x, y))
        {
            points.Add(a);
            points.Add(b);
            points.Add(c);
            points.Add(d);
        }

        return points;
    }

    /// <summary>Every pair of crossing edges once, as their endpoints (a–b crosses c–d).</summary>
    public static List<(int A, int B, int C, int D)> Pairs(RingMap map, double[] x, double[] y)
    {
        var edges = map.RingPoints.Length;
        var from = new int[edges];
        var to = new int[edges];
        var keys = new List<long>(edges * 2);
        var entries = new List<int>(edges * 2);
        var e = 0;
        for (var r = 0; r < map.RingCount; r++)
        {
            var start = map.RingStart[r];
            var end = map.RingStart[r + 1];
            for (var k = start; k < end; k++, e++)
            {
                var (a, b) = (map.RingPoints[k], map.RingPoints[k + 1 < end ? k + 1 : start]);
                (from[e], to[e]) = (a, b);
                var (x0, x1) = ((long)Math.Floor(Math.Min(x[a], x[b])), (long)Math.Floor(Math.Max(x[a], x[b])));
                var (y0, y1) = ((long)Math.Floor(Math.Min(y[a], y[b])), (long)Math.Floor(Math.Max(y[a], y[b])));
                for (var cx = x0; cx <= x1; cx++)
                {
                    for (var cy = y0; cy <= y1; cy++)
                    {
                        keys.Add((cx << 32) | (cy & 0xFFFFFFFFL));
                        entries.Add(e);
                    }
                }
            }
        }

        var sortedKeys = keys.ToArray();
        var sortedEdges = entries.ToArray();
        Array.Sort(sortedKeys, sortedEdges);
        var seen = new HashSet<(int, int)>();
        var pairs = new List<(int A, int B, int C, int D)>();
        for (var first = 0; first < sortedKeys.Length;)
        {
            var last = first + 1;
            while (last < sortedKeys.Length && sortedKeys[last] == sortedKeys[first])
            {
                last++;
            }

            for (var i = first; i < last; i++)
            {
                var p = sortedEdges[i];
                for (var j = i + 1; j < last; j++)
                {
                    var q = sortedEdges[j];
                    var (a, b, c, d) = (from[p], to[p], from[q], to[q]);
                    if (a == c || a == d || b == c || b == d || !CrossProperly(x, y, a, b, c, d))
                    {
                        continue;
                    }

                    if (seen.Add(p < q ? (p, q) : (q, p)))
                    {
                        pairs.Add((a, b, c, d));
                    }
                }
            }

            first = last;
        }

        return pairs;
    }

    /// <summary>Whether a–b and c–d cross at a point interior to both (touching and collinear overlaps are not crossings).</summary>
    public static bool CrossProperly(double[] x, double[] y, int a, int b, int c, int d)
    {
        var d1 = Orientation(x, y, c, d, a);
        var d2 = Orientation(x, y, c, d, b);
        if (!((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)))
        {
            return false;
        }

        var d3 = Orientation(x, y, a, b, c);
        var d4 = Orientation(x, y, a, b, d);
        return (d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0);
    }

    private static double Orientation(double[] x, double[] y, int p, int q, int r) =>
        ((x[q] - x[p]) * (y[r] - y[p])) - ((y[q] - y[p]) * (x[r] - x[p]));
}
