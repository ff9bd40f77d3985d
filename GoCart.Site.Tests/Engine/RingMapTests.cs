using GoCart.Lambda.Engine;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Engine;

public class RingMapTests
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>Lattice coordinates equal map coordinates, so expected values can be read off the input.</summary>
    private static readonly Lattice Identity = new(64, 64, 0, 0, 1);

    [Fact]
    public void Signed_area_is_positive_counter_clockwise_and_negative_clockwise()
    {
        double[] x = [0, 4, 4, 0];
        double[] y = [0, 0, 3, 3];

        Assert.Equal(12, RingMap.SignedArea([0, 1, 2, 3], x, y), 12);
        Assert.Equal(-12, RingMap.SignedArea([3, 2, 1, 0], x, y), 12);
        Assert.Equal(12, RingMap.SignedArea([2, 3, 0, 1], x, y), 12);
    }

    [Fact]
    public void Region_area_is_the_exterior_minus_its_holes_whatever_the_input_orientation()
    {
        // Exterior given clockwise and hole counter-clockwise: Build turns them round.
        var shell = Ring((0, 0), (0, 10), (10, 10), (10, 0));
        var hole = Ring((2, 2), (5, 2), (5, 6), (2, 6));
        var island = Ring((20, 0), (23, 0), (23, 2), (20, 2));
        var region = Factory.CreateMultiPolygon([Factory.CreatePolygon(shell, [hole]), Factory.CreatePolygon(island)]);
        var map = RingMap.Build([region], Identity, maxEdgeLength: 100);
        var areas = new double[1];

        map.RegionAreas(map.X, map.Y, areas);

        Assert.Equal(100, map.RingArea(0, map.X, map.Y), 12);
        Assert.Equal(-12, map.RingArea(1, map.X, map.Y), 12);
        Assert.Equal(6, map.RingArea(2, map.X, map.Y), 12);
        Assert.Equal(100 - 12 + 6, areas[0], 12);
    }

    [Fact]
    public void Locate_tells_inside_outside_and_boundary_of_a_ring_and_its_hole()
    {
        var map = SquareWithHole();
        const int exterior = 0;
        const int hole = 1;

        Assert.Equal(Location.Interior, map.Locate(exterior, 1, 1, map.X, map.Y));
        Assert.Equal(Location.Exterior, map.Locate(exterior, 11, 5, map.X, map.Y));
        Assert.Equal(Location.Exterior, map.Locate(exterior, -1, 10, map.X, map.Y));
        Assert.Equal(Location.Boundary, map.Locate(exterior, 10, 5, map.X, map.Y));
        Assert.Equal(Location.Boundary, map.Locate(exterior, 0, 0, map.X, map.Y));

        // A point in the hole is inside the exterior ring and inside the hole ring, so not in the region.
        Assert.Equal(Location.Interior, map.Locate(exterior, 5, 5, map.X, map.Y));
        Assert.Equal(Location.Interior, map.Locate(hole, 5, 5, map.X, map.Y));
        Assert.Equal(Location.Boundary, map.Locate(hole, 5, 3, map.X, map.Y));

        // Rays that run along an edge or through vertices of the hole (y = 3 and y = 9.9) count each crossing once.
        Assert.Equal(Location.Exterior, map.Locate(hole, 1, 3, map.X, map.Y));
        Assert.Equal(Location.Exterior, map.Locate(hole, 2, 9.9, map.X, map.Y));
        Assert.Equal(Location.Interior, map.Locate(hole, 5, 9.95, map.X, map.Y));
    }

    [Fact]
    public void A_hole_tip_pushed_through_the_exterior_is_cut_off()
    {
        // The hole nearly touches the top edge (0.01 apart); the flow then pushes its tip 0.05 beyond it.
        var map = SquareWithHole();
        var tip = Enumerable.Range(0, map.PointCount).Single(p => map.X[p] == 5 && map.Y[p] == 9.99);
        var x = (double[])map.X.Clone();
        var y = (double[])map.Y.Clone();
        y[tip] = 10.05;

        var untouched = RingLoopRemover.LoopPoints(map, map.X, map.Y, []);
        var squeezed = RingLoopRemover.LoopPoints(map, x, y, []);

        Assert.Empty(untouched);
        Assert.Equal([tip], squeezed);
        var repaired = map.Without(squeezed).ToGeometry(0, x, y, (u, v) => new Coordinate(u, v), Factory);
        Assert.True(repaired.IsValid);
        Assert.Equal(1, ((Polygon)repaired).NumInteriorRings);
    }

    [Fact]
    public void A_hole_pushed_far_through_the_exterior_is_not_a_sliver_and_is_left_alone()
    {
        var map = SquareWithHole();
        var x = (double[])map.X.Clone();
        var y = (double[])map.Y.Clone();
        foreach (var p in Enumerable.Range(0, map.PointCount).Where(p => map.Y[p] > 9))
        {
            y[p] += 3;
        }

        Assert.Empty(RingLoopRemover.LoopPoints(map, x, y, []));
    }

    /// <summary>A 10 × 10 square with a hole whose narrow tip reaches up to y = 9.99, just below the top edge.</summary>
    private static RingMap SquareWithHole()
    {
        var shell = Ring((0, 0), (10, 0), (10, 10), (0, 10));
        var hole = Ring((3, 3), (7, 3), (7, 6), (5.1, 9.9), (5, 9.99), (4.9, 9.9), (3, 6));
        return RingMap.Build([Factory.CreatePolygon(shell, [hole])], Identity, maxEdgeLength: 100);
    }

    private static LinearRing Ring(params (double X, double Y)[] points) =>
        Factory.CreateLinearRing([.. points.Select(p => new Coordinate(p.X, p.Y)), new Coordinate(points[0].X, points[0].Y)]);
}
