using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Makes a region's polygons usable: rings closed, repeated points dropped, degenerate rings and slivers removed,
/// self-intersections fixed when the fix keeps the area (within 1%), exteriors counter-clockwise and holes
/// clockwise (RFC 7946). What was changed is reported as a warning; a region that cannot be fixed safely is left out.
/// </summary>
internal static class PolygonRepair
{
    private const double MaxAreaChange = 0.01;

    public static Coordinate[] CloseRing(Coordinate[] ring)
    {
        var cleaned = new List<Coordinate>(ring.Length + 1);
        foreach (var c in ring)
        {
            if (cleaned.Count == 0 || !cleaned[^1].Equals2D(c))
            {
                cleaned.Add(c);
            }
        }

        if (cleaned.Count > 0 && !cleaned[0].Equals2D(cleaned[^1]))
        {
            cleaned.Add(cleaned[0].Copy());
        }

        // A ring needs three distinct points; pad degenerate ones so NTS accepts them and Repair drops them.
        while (cleaned.Count is > 0 and < 4)
        {
            cleaned.Add(cleaned[0].Copy());
        }

        return [.. cleaned];
    }

    /// <summary>
    /// The region's repaired, oriented polygons (<paramref name="named"/>: how warnings name it, quotes included), or null when nothing with an area is left or the repair would
    /// lose area; <paramref name="dropReason"/> then says why (it completes "it was left out because it …").
    /// </summary>
    public static Geometry? Repair(IReadOnlyList<Polygon> polygons, string named, GeometryFactory factory, List<string> warnings, out string? dropReason)
    {
        dropReason = null;
        var kept = new List<Polygon>();
        foreach (var polygon in polygons)
        {
            if (Degenerate(polygon.Shell))
            {
                continue;
            }

            var holes = polygon.Holes.Where(h => !Degenerate(h)).ToArray();
            kept.Add(factory.CreatePolygon(polygon.Shell, holes));
        }

        if (kept.Count == 0)
        {
            dropReason = polygons.Count == 0 ? "is empty" : "has no area (every ring is degenerate)";
            return null;
        }

        Geometry geometry = kept.Count == 1 ? kept[0] : factory.CreateMultiPolygon([.. kept]);
        if (!geometry.IsValid)
        {
            if (!RepairBudget.Allows(geometry))
            {
                dropReason = $"has boundaries that cross themselves more than {RepairBudget.MaxCrossings:N0} times, too many to repair (a projected map read as longitude/latitude? Mark it \"projected\": true, or clean it with mapshaper's -clean)";
                return null;
            }

            // A bow-tie's rings measure the difference of its lobes, its repair their sum: only a repair that loses
            // area changes what the region is.
            var before = kept.Sum(p => p.Area);
            var polygonal = Polygonal(GeometryFixer.Fix(geometry), factory);
            if (polygonal is null || polygonal.Area < (1 - MaxAreaChange) * before)
            {
                dropReason = "has self-intersecting boundaries that cannot be repaired without losing area (fix it, for example with mapshaper's -clean)";
                return null;
            }

            warnings.Add($"Region {named} had self-intersecting, overlapping or spiked rings; they were repaired.");
            geometry = polygonal;
        }

        return Oriented(geometry, factory);
    }

    /// <summary>
    /// A projected region whose parts cross: projecting moves each vertex exactly, but an edge stays straight while
    /// the line it stood for curves, so an islet a few metres off the coast (Chile's Guaitecas) can overlap the
    /// mainland's edge. The overlap is far below the lattice's resolution; fixing it (the overlapping parts are
    /// joined) keeps the engine's input valid.
    /// </summary>
    /// <exception cref="MapInputException">The parts cross too often to be a slip below the lattice's resolution (<see cref="RepairBudget"/>).</exception>
    public static Geometry Untangled(Geometry projected, string named)
    {
        if (projected.IsValid)
        {
            return projected;
        }

        return RepairBudget.Allows(projected)
            ? Polygonal(GeometryFixer.Fix(projected), projected.Factory) ?? projected
            : throw new MapInputException(RepairBudget.TooTangled(named));
    }

    /// <summary>Fewer than three distinct points, or all on one line; a bow-tie's signed area is zero too, but it is not degenerate.</summary>
    private static bool Degenerate(LinearRing ring) =>
        ring.NumPoints < 4 || ring.Coordinates.Distinct().Count() < 3 || (Area.OfRing(ring.CoordinateSequence) == 0 && Collinear(ring.Coordinates));

    private static bool Collinear(Coordinate[] ring)
    {
        var a = ring[0];
        var b = ring.First(c => !c.Equals2D(a));
        return ring.All(c => ((b.X - a.X) * (c.Y - a.Y)) - ((b.Y - a.Y) * (c.X - a.X)) == 0);
    }

    private static Geometry? Polygonal(Geometry geometry, GeometryFactory factory)
    {
        var polygons = new List<Polygon>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            switch (geometry.GetGeometryN(i))
            {
                case Polygon p when !p.IsEmpty:
                    polygons.Add(p);
                    break;
                case MultiPolygon m:
                    polygons.AddRange(m.Geometries.Cast<Polygon>());
                    break;
            }
        }

        return polygons.Count switch
        {
            0 => null,
            1 => polygons[0],
            _ => factory.CreateMultiPolygon([.. polygons]),
        };
    }

    /// <summary>Exteriors counter-clockwise, holes clockwise.</summary>
    public static Geometry Oriented(Geometry geometry, GeometryFactory factory)
    {
        var polygons = new List<Polygon>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            var polygon = (Polygon)geometry.GetGeometryN(i);
            var shell = Orient(polygon.Shell, counterClockwise: true, factory);
            var holes = polygon.Holes.Select(h => Orient(h, counterClockwise: false, factory)).ToArray();
            polygons.Add(factory.CreatePolygon(shell, holes));
        }

        return polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon([.. polygons]);
    }

    private static LinearRing Orient(LinearRing ring, bool counterClockwise, GeometryFactory factory) =>
        Orientation.IsCCW(ring.CoordinateSequence) == counterClockwise ? ring : (LinearRing)ring.Reverse();
}
