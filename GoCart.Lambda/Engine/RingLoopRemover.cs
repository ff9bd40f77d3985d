namespace GoCart.Lambda.Engine;

/// <summary>
/// Cuts off the small loops that form where a ring crosses itself. Such a crossing comes from a feature
/// thinner than the lattice resolves (a sliver of a border, a fjord's two shores) whose sides the flow squeezed
/// past each other; the loop between the two crossing edges is a fraction of a cell. Removing the loop's
/// vertices (from every ring that uses them, so shared borders stay shared) leaves the ring simple again.
/// Crossings are found with a sweep over the edges sorted by their left end.
/// </summary>
internal static class RingLoopRemover
{
    /// <summary>Largest loop cut off, in cells².</summary>
    private const double MaxLoopArea = 0.25;

    /// <summary>Largest loop cut off, as a share of its ring's area.</summary>
    private const double MaxLoopShare = 0.01;

    /// <summary>The points to drop so that every ring is simple, found at the given positions.</summary>
    public static HashSet<int> LoopPoints(RingMap map, double[] x, double[] y)
    {
        var doomed = new HashSet<int>();
        for (var r = 0; r < map.RingCount; r++)
        {
            var ring = map.RingPoints.AsSpan(map.RingStart[r], map.RingStart[r + 1] - map.RingStart[r]).ToArray();
            while (ring.Length > 3 && FirstCrossing(ring, x, y) is { } crossing)
            {
                // Edges i→i+1 and j→j+1 cross (i < j): the ring splits into the loop i+1..j and the rest. The fold is
                // the part wound against the ring's own orientation; if neither is, the smaller one.
                var (i, j) = crossing;
                int[] inner = ring[(i + 1)..(j + 1)];
                int[] outer = [.. ring[(j + 1)..], .. ring[..(i + 1)]];
                var orientation = Math.Sign(SignedArea(ring, x, y));
                var innerArea = SignedArea(inner, x, y);
                var outerArea = SignedArea(outer, x, y);
                var removed = Math.Sign(innerArea) != orientation && Math.Sign(outerArea) == orientation ? inner
                    : Math.Sign(outerArea) != orientation && Math.Sign(innerArea) == orientation ? outer
                    : Math.Abs(innerArea) <= Math.Abs(outerArea) ? inner : outer;
                // Only slivers: a large loop is not a squeezed sub-cell feature, and cutting it would wreck the region.
                var removedArea = Math.Abs(ReferenceEquals(removed, inner) ? innerArea : outerArea);
                if (ring.Length - removed.Length < 3 || removedArea > Math.Min(MaxLoopArea, MaxLoopShare * Math.Abs(SignedArea(ring, x, y))))
                {
                    break;
                }

                doomed.UnionWith(removed);
                var keep = new HashSet<int>(removed);
                ring = [.. ring.Where(p => !keep.Contains(p))];
            }
        }

        return doomed;
    }

    private static double SignedArea(int[] ring, double[] x, double[] y)
    {
        double twice = 0;
        var previous = ring[^1];
        foreach (var current in ring)
        {
            twice += (x[previous] * y[current]) - (x[current] * y[previous]);
            previous = current;
        }

        return 0.5 * twice;
    }

    private static (int I, int J)? FirstCrossing(int[] ring, double[] x, double[] y)
    {
        var n = ring.Length;
        var order = new int[n];
        var left = new double[n];
        for (var e = 0; e < n; e++)
        {
            order[e] = e;
            left[e] = Math.Min(x[ring[e]], x[ring[(e + 1) % n]]);
        }

        Array.Sort(left, order);
        for (var a = 0; a < n; a++)
        {
            var e = order[a];
            var right = Math.Max(x[ring[e]], x[ring[(e + 1) % n]]);
            for (var b = a + 1; b < n && left[b] <= right; b++)
            {
                var f = order[b];
                if (Adjacent(e, f, n))
                {
                    continue;
                }

                if (SegmentsCross(x, y, ring[e], ring[(e + 1) % n], ring[f], ring[(f + 1) % n]))
                {
                    return e < f ? (e, f) : (f, e);
                }
            }
        }

        return null;
    }

    private static bool Adjacent(int e, int f, int n) => Math.Abs(e - f) == 1 || Math.Abs(e - f) == n - 1;

    private static bool SegmentsCross(double[] x, double[] y, int a, int b, int c, int d)
    {
        var d1 = Orientation(x, y, c, d, a);
        var d2 = Orientation(x, y, c, d, b);
        var d3 = Orientation(x, y, a, b, c);
        var d4 = Orientation(x, y, a, b, d);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        {
            return true;
        }

        // Touching counts too: a ring that touches itself is not simple either.
        return (d1 == 0 && OnSegment(x, y, c, d, a)) || (d2 == 0 && OnSegment(x, y, c, d, b))
            || (d3 == 0 && OnSegment(x, y, a, b, c)) || (d4 == 0 && OnSegment(x, y, a, b, d));
    }

    private static double Orientation(double[] x, double[] y, int p, int q, int r) =>
        ((x[q] - x[p]) * (y[r] - y[p])) - ((y[q] - y[p]) * (x[r] - x[p]));

    private static bool OnSegment(double[] x, double[] y, int p, int q, int r) =>
        Math.Min(x[p], x[q]) <= x[r] && x[r] <= Math.Max(x[p], x[q]) && Math.Min(y[p], y[q]) <= y[r] && y[r] <= Math.Max(y[p], y[q]);
}
