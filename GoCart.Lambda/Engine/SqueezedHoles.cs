using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Engine;

/// <summary>
/// Finds holes that the flow pushed through their polygon's exterior (or through a sibling hole). A strip of a
/// region far thinner than a cell between a hole and the region's edge, such as Prince William County's 10 m
/// between Manassas Park and the Fairfax County line, folds as soon as the dense city in the hole expands: the
/// hole's tip crosses the exterior, which the per-ring loop search cannot see. The points of either ring that
/// ended on the wrong side of the other (a hole's outside the exterior or inside a sibling hole, an exterior's
/// inside a hole) are dropped, from every ring that uses them as for any loop, when what they cut off is a sliver.
/// </summary>
internal static class SqueezedHoles
{
    public static HashSet<int> Points(RingMap map, double[] x, double[] y) =>
        PerRegion.Union(map.RegionCount, region => PointsOf(map, region, x, y));

    private static List<int>? PointsOf(RingMap map, int region, double[] x, double[] y)
    {
        if (!map.RingIsHole.AsSpan(map.RegionRingStart[region], map.RegionRingStart[region + 1] - map.RegionRingStart[region]).Contains(true))
        {
            return null;
        }

        List<int>? stray = null;
        foreach (var (a, b) in RingCrossings.Pairs(map, region, x, y))
        {
            if (map.RingPolygon[a] == map.RingPolygon[b])
            {
                AddWrongSide(map, a, b, x, y, ref stray);
                AddWrongSide(map, b, a, x, y, ref stray);
            }
        }

        return stray;
    }

    /// <summary>Adds the points of <paramref name="ring"/> on the wrong side of <paramref name="other"/>, if dropping them cuts off only a sliver.</summary>
    private static void AddWrongSide(RingMap map, int ring, int other, double[] x, double[] y, ref List<int>? stray)
    {
        var wrongSide = map.RingIsHole[other] ? Location.Interior : Location.Exterior;
        var points = map.RingPoints.AsSpan(map.RingStart[ring], map.RingStart[ring + 1] - map.RingStart[ring]);
        var kept = new List<int>(points.Length);
        var wrong = new List<int>();
        foreach (var p in points)
        {
            (map.Locate(other, x[p], y[p], x, y) == wrongSide ? wrong : kept).Add(p);
        }

        var ringArea = Math.Abs(RingMap.SignedArea(points, x, y));
        var cutOff = Math.Abs(ringArea - Math.Abs(RingMap.SignedArea(kept.ToArray(), x, y)));
        if (wrong.Count > 0 && kept.Count >= 3 && RingLoopRemover.IsSliver(cutOff, ringArea))
        {
            (stray ??= []).AddRange(wrong);
        }
    }
}
