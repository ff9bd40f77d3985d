using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Pipeline.Simplification;

/// <summary>
/// The moved map made compact before it is written: one inset's cartogram and equal-area map thinned together to
/// a budget of vertices (each shared vertex counted once), topology kept (see <see cref="AreaAwareSimplifier"/>),
/// the same vertices kept in both maps so the morph stays point to point, and the regions' area errors measured
/// again on the geometry delivered.
/// </summary>
public static class OutputSimplification
{
    /// <summary>
    /// Simplifies one inset to its <paramref name="budget"/> (see <see cref="OutputBudget"/>), keeping each region's area
    /// error within <paramref name="maxAreaError"/> (or no worse than the engine left it), and never sweeping a
    /// border across one of the <paramref name="fixedPoints"/> (layer places) in the cartogram or across one of the
    /// <paramref name="equalAreaFixedPoints"/> on the equal-area map.
    /// </summary>
    public static SimplifiedMap Simplify(IReadOnlyList<Geometry> cartogram, IReadOnlyList<Geometry> equalArea, IReadOnlyList<double> areaErrors,
        double maxAreaError, OutputBudget budget, IReadOnlyList<Coordinate> fixedPoints, IReadOnlyList<Coordinate> equalAreaFixedPoints)
    {
        ArgumentNullException.ThrowIfNull(cartogram);
        ArgumentNullException.ThrowIfNull(equalArea);
        ArgumentNullException.ThrowIfNull(areaErrors);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(fixedPoints);
        ArgumentNullException.ThrowIfNull(equalAreaFixedPoints);
        var map = MorphTopology.Build(cartogram, equalArea);
        var simplifier = new AreaAwareSimplifier(map, areaErrors, maxAreaError,
            [.. fixedPoints.Select(p => (p.X, p.Y))], [.. equalAreaFixedPoints.Select(p => (p.X, p.Y))]);
        var before = map.VertexCount;
        var after = simplifier.Simplify(budget.MaxPoints ?? before, budget.Tolerance ?? 0);
        var simplifiedCartogram = new Geometry[cartogram.Count];
        var simplifiedEqualArea = new Geometry[cartogram.Count];
        var firstRing = 0;
        for (var region = 0; region < cartogram.Count; region++)
        {
            simplifiedCartogram[region] = Rebuild(cartogram[region], map, simplifier, firstRing, useCartogram: true);
            simplifiedEqualArea[region] = Rebuild(equalArea[region], map, simplifier, firstRing, useCartogram: false);
            firstRing += MorphTopology.Rings(cartogram[region]).Count;
        }

        return new SimplifiedMap(simplifiedCartogram, simplifiedEqualArea, Remeasured(areaErrors, cartogram, simplifiedCartogram), before, after);
    }

    /// <summary>
    /// e′ = (1 + e) · (A′ / A) / (ΣA′ / ΣA) − 1: the engine's error e of each region carried over to the delivered
    /// areas A′ (the error is relative to the region's share of the map, so the total's change counts too).
    /// </summary>
    private static double[] Remeasured(IReadOnlyList<double> errors, IReadOnlyList<Geometry> before, IReadOnlyList<Geometry> after)
    {
        var areaBefore = before.Select(g => g.Area).ToArray();
        var areaAfter = after.Select(g => g.Area).ToArray();
        var totalChange = areaAfter.Sum() / areaBefore.Sum();
        return [.. errors.Select((e, i) => areaBefore[i] > 0 ? ((1 + e) * (areaAfter[i] / areaBefore[i]) / totalChange) - 1 : e)];
    }

    private static Geometry Rebuild(Geometry source, MorphTopology map, AreaAwareSimplifier simplifier, int firstRing, bool useCartogram)
    {
        var ring = firstRing;
        var factory = source.Factory;
        var polygons = new Polygon[source.NumGeometries];
        for (var k = 0; k < polygons.Length; k++)
        {
            var polygon = (Polygon)source.GetGeometryN(k);
            var shell = factory.CreateLinearRing(Kept(map, simplifier, ring++, useCartogram));
            var holes = polygon.Holes.Select(h => factory.CreateLinearRing(Kept(map, simplifier, ring++, useCartogram))).ToArray();
            polygons[k] = factory.CreatePolygon(shell, holes);
        }

        return source is Polygon ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    private static Coordinate[] Kept(MorphTopology map, AreaAwareSimplifier simplifier, int index, bool useCartogram)
    {
        var kept = new List<Coordinate>();
        var start = map.RingStart[index];
        for (var p = start; p < map.RingStart[index + 1]; p++)
        {
            if (simplifier.Kept(p))
            {
                var v = map.PositionVertex[p];
                kept.Add(useCartogram ? new Coordinate(map.CX[v], map.CY[v]) : new Coordinate(map.EX[v], map.EY[v]));
            }
        }

        kept.Add(kept[0].Copy());
        return [.. kept];
    }
}
