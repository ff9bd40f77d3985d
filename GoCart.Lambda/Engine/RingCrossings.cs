namespace GoCart.Lambda.Engine;

/// <summary>Where rings cross or touch: exact segment tests and a sweep over a region's edges sorted by their left end.</summary>
internal static class RingCrossings
{
    /// <summary>The pairs of distinct rings of one region that have crossing or touching edges, in the order the sweep meets them.</summary>
    public static List<(int A, int B)> Pairs(RingMap map, int region, double[] x, double[] y)
    {
        var first = map.RegionRingStart[region];
        var last = map.RegionRingStart[region + 1];
        var pairs = new List<(int A, int B)>();
        if (last - first < 2)
        {
            return pairs;
        }

        var count = map.RingStart[last] - map.RingStart[first];
        var ringOf = new int[count];
        var from = new int[count];
        var to = new int[count];
        var left = new double[count];
        var right = new double[count];
        var bottom = new double[count];
        var top = new double[count];
        var e = 0;
        for (var r = first; r < last; r++)
        {
            var start = map.RingStart[r];
            var end = map.RingStart[r + 1];
            for (var k = start; k < end; k++, e++)
            {
                var (a, b) = (map.RingPoints[k], map.RingPoints[k + 1 < end ? k + 1 : start]);
                (ringOf[e], from[e], to[e]) = (r, a, b);
                (left[e], right[e]) = (Math.Min(x[a], x[b]), Math.Max(x[a], x[b]));
                (bottom[e], top[e]) = (Math.Min(y[a], y[b]), Math.Max(y[a], y[b]));
            }
        }

        var order = Enumerable.Range(0, count).ToArray();
        var sortedLeft = (double[])left.Clone();
        Array.Sort(sortedLeft, order);
        var seen = new HashSet<(int, int)>();
        for (var i = 0; i < count; i++)
        {
            var p = order[i];
            for (var j = i + 1; j < count && sortedLeft[j] <= right[p]; j++)
            {
                var q = order[j];
                if (ringOf[q] == ringOf[p] || bottom[q] > top[p] || top[q] < bottom[p] || !SegmentsCross(x, y, from[p], to[p], from[q], to[q]))
                {
                    continue;
                }

                var pair = ringOf[p] < ringOf[q] ? (ringOf[p], ringOf[q]) : (ringOf[q], ringOf[p]);
                if (seen.Add(pair))
                {
                    pairs.Add(pair);
                }
            }
        }

        return pairs;
    }

    /// <summary>Whether segments a–b and c–d cross or touch (a ring that touches itself is not simple either).</summary>
    public static bool SegmentsCross(double[] x, double[] y, int a, int b, int c, int d)
    {
        var d1 = Orientation(x, y, c, d, a);
        var d2 = Orientation(x, y, c, d, b);
        var d3 = Orientation(x, y, a, b, c);
        var d4 = Orientation(x, y, a, b, d);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        {
            return true;
        }

        return (d1 == 0 && OnSegment(x, y, c, d, a)) || (d2 == 0 && OnSegment(x, y, c, d, b))
            || (d3 == 0 && OnSegment(x, y, a, b, c)) || (d4 == 0 && OnSegment(x, y, a, b, d));
    }

    private static double Orientation(double[] x, double[] y, int p, int q, int r) =>
        ((x[q] - x[p]) * (y[r] - y[p])) - ((y[q] - y[p]) * (x[r] - x[p]));

    private static bool OnSegment(double[] x, double[] y, int p, int q, int r) =>
        Math.Min(x[p], x[q]) <= x[r] && x[r] <= Math.Max(x[p], x[q]) && Math.Min(y[p], y[q]) <= y[r] && y[r] <= Math.Max(y[p], y[q]);
}
