using GoCart.Lambda.Geo.Projections;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Makes longitude/latitude polygons whose rings cross the antimeridian without being cut (world-atlas's Russia and
/// Fiji jump from 180° to −180° and back) planar-valid before any validity check: such a ring is unwrapped so its
/// longitudes are continuous (Chukotka reaches 190°), and the polygon is moved by a whole turn so its middle lies
/// within ±180°. A ring that goes once around a pole (Antarctica) is closed along ±180° and the pole instead; and a
/// polygon drawn the spherical way, a zero-area shell along a pole's parallel with the coast as its hole, becomes
/// the coast closed along the pole.
/// </summary>
internal static class UncutAntimeridian
{
    public static IReadOnlyList<Polygon> Unwrap(IReadOnlyList<Polygon> polygons, GeometryFactory factory, out bool changed)
    {
        changed = false;
        var result = new List<Polygon>(polygons.Count);
        foreach (var polygon in polygons)
        {
            var rings = new[] { polygon.Shell }.Concat(polygon.Holes).Select(r => r.Coordinates).ToList();
            if (!rings.Any(Jumps))
            {
                result.Add(polygon);
                continue;
            }

            changed = true;
            var shell = rings[0];
            var holes = rings.Skip(1).ToList();
            if (Math.Abs(Area.OfRing(shell)) < 1e-9 && holes.Any(CirclesPole))
            {
                result.AddRange(holes.Where(CirclesPole).Select(h => Polygon(AroundPole(h), [], factory)));
                continue;
            }

            shell = CirclesPole(shell) ? AroundPole(shell) : Centred(Continuous(shell), 0);
            var middle = 0.5 * (shell.Min(c => c.X) + shell.Max(c => c.X));
            result.Add(Polygon(shell, [.. holes.Where(h => !CirclesPole(h)).Select(h => Centred(Continuous(h), middle))], factory));
        }

        return result;
    }

    private static bool Jumps(Coordinate[] ring)
    {
        for (var i = 1; i < ring.Length; i++)
        {
            if (Math.Abs(ring[i].X - ring[i - 1].X) > 180)
            {
                return true;
            }
        }

        return false;
    }

    private static bool CirclesPole(Coordinate[] ring)
    {
        var continuous = Continuous(ring);
        return Math.Abs(continuous[^1].X - continuous[0].X) > 180;
    }

    private static Coordinate[] Continuous(Coordinate[] ring)
    {
        var result = new Coordinate[ring.Length];
        result[0] = ring[0].Copy();
        for (var i = 1; i < ring.Length; i++)
        {
            var x = ring[i].X + (360 * Math.Round((result[i - 1].X - ring[i].X) / 360));
            result[i] = new Coordinate(x, ring[i].Y);
        }

        return result;
    }

    /// <summary>The ring moved by whole turns so that its middle is as near as possible to <paramref name="target"/>.</summary>
    private static Coordinate[] Centred(Coordinate[] ring, double target)
    {
        var middle = 0.5 * (ring.Min(c => c.X) + ring.Max(c => c.X));
        var shift = 360 * Math.Round((target - middle) / 360);
        return shift == 0 ? ring : [.. ring.Select(c => new Coordinate(c.X + shift, c.Y))];
    }

    private static Coordinate[] AroundPole(Coordinate[] ring) =>
        PolygonRepair.CloseRing(LongitudeUnwrapper.AroundPole(ring, -180));

    private static Polygon Polygon(Coordinate[] shell, Coordinate[][] holes, GeometryFactory factory) =>
        factory.CreatePolygon(factory.CreateLinearRing(PolygonRepair.CloseRing(shell)), [.. holes.Select(h => factory.CreateLinearRing(PolygonRepair.CloseRing(h)))]);
}
