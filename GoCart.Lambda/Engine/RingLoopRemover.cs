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
    public static HashSet<int> CrossingRings(RingMap map, double[] x, double[] y) =>
        PerRegion.Union(map.RegionCount, region => CrossingRingsOf(map, region, x, y));

    private static List<int>? CrossingRingsOf(RingMap map, int region, double[] x, double[] y)
    {
        List<int>? dropped = null;
        foreach (var (a, b) in RingCrossings.Pairs(map, region, x, y))
        {
            if (dropped is not null && (dropped.Contains(a) || dropped.Contains(b)))
            {
                continue;
            }

            var smaller = Math.Abs(map.RingArea(a, x, y)) <= Math.Abs(map.RingArea(b, x, y)) ? a : b;
            if (Math.Abs(map.RingArea(smaller, x, y)) <= MaxDroppedRingArea && !map.RingIsHole[smaller])
            {
                (dropped ??= []).Add(smaller);
            }
        }

        return dropped;
    }

    /// <summary>
    /// The points to drop so that every ring is simple and no hole crosses its polygon's other rings
    /// (<see cref="SqueezedHoles"/>), found at the given positions; and the islets (exterior rings below
    /// <see cref="SmallRingArea"/> in a region that has a larger one) still tangled after that, to drop whole.
    /// </summary>
    public static HashSet<int> LoopPoints(RingMap map, double[] x, double[] y, HashSet<int> tangledIslets)
    {
        // Rings are independent within a round: check them in parallel, then merge in ring order (deterministic).
        var removedPerRing = new int[map.RingCount][];
        var tangled = new bool[map.RingCount];
        Parallel.For(0, map.RingCount, r => removedPerRing[r] = RingLoops(map, r, x, y, out tangled[r]));
        var doomed = SqueezedHoles.Points(map, x, y);
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
            var orientation = Math.Sign(RingMap.SignedArea(ring, x, y));
            var innerArea = RingMap.SignedArea(inner, x, y);
            var outerArea = RingMap.SignedArea(outer, x, y);
            var removed = Math.Sign(innerArea) != orientation && Math.Sign(outerArea) == orientation ? inner
                : Math.Sign(outerArea) != orientation && Math.Sign(innerArea) == orientation ? outer
                : Math.Abs(innerArea) <= Math.Abs(outerArea) ? inner : outer;
            // Only slivers: a large loop is not a squeezed sub-cell feature, and cutting it would wreck the region.
            var removedArea = Math.Abs(ReferenceEquals(removed, inner) ? innerArea : outerArea);
            var ringArea = Math.Abs(RingMap.SignedArea(ring, x, y));
            if (ring.Length - removed.Length < 3 || !IsSliver(removedArea, ringArea))
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

    /// <summary>Whether cutting off <paramref name="area"/> cells² from a ring of <paramref name="ringArea"/> removes only a squeezed sub-cell feature.</summary>
    public static bool IsSliver(double area, double ringArea) =>
        area <= MaxLoopArea && (area <= MaxLoopShare * ringArea || ringArea <= SmallRingArea);

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

                if (RingCrossings.SegmentsCross(x, y, ring[e], ring[(e + 1) % n], ring[f], ring[(f + 1) % n]))
                {
                    return e < f ? (e, f) : (f, e);
                }
            }
        }

        return null;
    }

    private static bool Adjacent(int e, int f, int n) => Math.Abs(e - f) == 1 || Math.Abs(e - f) == n - 1;
}
