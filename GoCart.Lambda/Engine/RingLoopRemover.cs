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

    /// <summary>Largest loop cut off, as a share of its ring's area (unless the ring itself is below the lattice's resolution).</summary>
    private const double MaxLoopShare = 0.01;

    /// <summary>Rings smaller than this many cells² are sub-resolution islands: their loops go whatever their share.</summary>
    private const double SmallRingArea = 4;

    /// <summary>
    /// Rings of one region that cross another of its rings (two islands squeezed into each other): the smaller
    /// one is dropped when it is at most this many cells² — an islet the lattice cannot resolve anyway.
    /// </summary>
    private const double MaxDroppedRingArea = 1;

    /// <summary>The rings to drop because they cross a larger ring of the same region.</summary>
    public static HashSet<int> CrossingRings(RingMap map, double[] x, double[] y)
    {
        // Regions are independent: check them in parallel, then merge in region order (deterministic).
        var perRegion = new List<int>?[map.RegionCount];
        Parallel.For(0, map.RegionCount, region => perRegion[region] = CrossingRingsOf(map, region, x, y));
        var dropped = new HashSet<int>();
        foreach (var rings in perRegion)
        {
            if (rings is not null)
            {
                dropped.UnionWith(rings);
            }
        }

        return dropped;
    }

    private static List<int>? CrossingRingsOf(RingMap map, int region, double[] x, double[] y)
    {
        var first = map.RegionRingStart[region];
        var last = map.RegionRingStart[region + 1];
        if (last - first < 2)
        {
            return null;
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
        List<int>? dropped = null;
        for (var i = 0; i < count; i++)
        {
            var p = order[i];
            for (var j = i + 1; j < count && sortedLeft[j] <= right[p]; j++)
            {
                var q = order[j];
                if (ringOf[q] == ringOf[p] || bottom[q] > top[p] || top[q] < bottom[p]
                    || (dropped is not null && (dropped.Contains(ringOf[p]) || dropped.Contains(ringOf[q])))
                    || !SegmentsCross(x, y, from[p], to[p], from[q], to[q]))
                {
                    continue;
                }

                var smaller = Math.Abs(map.RingArea(ringOf[p], x, y)) <= Math.Abs(map.RingArea(ringOf[q], x, y)) ? ringOf[p] : ringOf[q];
                if (Math.Abs(map.RingArea(smaller, x, y)) <= MaxDroppedRingArea && !map.RingIsHole[smaller])
                {
                    (dropped ??= []).Add(smaller);
                }
            }
        }

        return dropped;
    }

    /// <summary>
    /// The points to drop so that every ring is simple, found at the given positions; and the islets (exterior
    /// rings below <see cref="SmallRingArea"/> in a region that has a larger one) still tangled after that, to drop whole.
    /// </summary>
    public static HashSet<int> LoopPoints(RingMap map, double[] x, double[] y, HashSet<int> tangledIslets)
    {
        // Rings are independent within a round: check them in parallel, then merge in ring order (deterministic).
        var removedPerRing = new int[map.RingCount][];
        var tangled = new bool[map.RingCount];
        Parallel.For(0, map.RingCount, r => removedPerRing[r] = RingLoops(map, r, x, y, out tangled[r]));
        var doomed = new HashSet<int>();
        for (var r = 0; r < map.RingCount; r++)
        {
            doomed.UnionWith(removedPerRing[r]);
            if (tangled[r])
            {
                tangledIslets.Add(r);
            }
        }

        return doomed;
    }

    /// <summary>The loop points of one ring, and whether it is a tangled islet that should go whole.</summary>
    private static int[] RingLoops(RingMap map, int r, double[] x, double[] y, out bool tangledIslet)
    {
        tangledIslet = false;
        var ring = map.RingPoints.AsSpan(map.RingStart[r], map.RingStart[r + 1] - map.RingStart[r]).ToArray();
        List<int>? doomed = null;
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
            var ringArea = Math.Abs(SignedArea(ring, x, y));
            var sliver = removedArea <= MaxLoopArea && (removedArea <= MaxLoopShare * ringArea || ringArea <= SmallRingArea);
            if (ring.Length - removed.Length < 3 || !sliver)
            {
                tangledIslet = ringArea <= SmallRingArea && !map.RingIsHole[r] && HasLargerExterior(map, r, ringArea, x, y);
                break;
            }

            (doomed ??= []).AddRange(removed);
            var keep = new HashSet<int>(removed);
            ring = [.. ring.Where(p => !keep.Contains(p))];
        }

        return doomed is null ? [] : [.. doomed];
    }

    private static bool HasLargerExterior(RingMap map, int ring, double area, double[] x, double[] y)
    {
        var region = map.RingRegion[ring];
        for (var r = map.RegionRingStart[region]; r < map.RegionRingStart[region + 1]; r++)
        {
            if (r != ring && !map.RingIsHole[r] && Math.Abs(map.RingArea(r, x, y)) > area)
            {
                return true;
            }
        }

        return false;
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
        var bottom = new double[n];
        var top = new double[n];
        for (var e = 0; e < n; e++)
        {
            var (p, q) = (ring[e], ring[(e + 1) % n]);
            order[e] = e;
            left[e] = Math.Min(x[p], x[q]);
            bottom[e] = Math.Min(y[p], y[q]);
            top[e] = Math.Max(y[p], y[q]);
        }

        Array.Sort(left, order);
        for (var a = 0; a < n; a++)
        {
            var e = order[a];
            var right = Math.Max(x[ring[e]], x[ring[(e + 1) % n]]);
            var (eBottom, eTop) = (bottom[e], top[e]);
            for (var b = a + 1; b < n && left[b] <= right; b++)
            {
                var f = order[b];
                // Most edges that overlap in x are far apart in y: a cheap rejection before the exact test.
                if (bottom[f] > eTop || top[f] < eBottom || Adjacent(e, f, n))
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
