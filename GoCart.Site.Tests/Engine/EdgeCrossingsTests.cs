using GoCart.Lambda.Engine;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Engine;

public class EdgeCrossingsTests
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>Lattice coordinates equal map coordinates.</summary>
    private static readonly Lattice Identity = new(64, 64, 0, 0, 1);

    [Fact]
    public void Neighbours_sharing_a_border_do_not_cross()
    {
        var map = RingMap.Build([Square(0, 0, 4), Square(4, 0, 4)], Identity, maxEdgeLength: 1);

        Assert.Empty(EdgeCrossings.Pairs(map, map.X, map.Y));
    }

    [Fact]
    public void A_region_folded_over_its_neighbour_is_found()
    {
        var map = RingMap.Build([Square(0, 0, 4), Square(4, 0, 4)], Identity, maxEdgeLength: 1);
        var x = (double[])map.X.Clone();
        var y = (double[])map.Y.Clone();
        // Push the left square's middle point of its left side (0, 2) far into the right square.
        var moved = Enumerable.Range(0, x.Length).Single(p => x[p] == 0 && y[p] == 2);
        x[moved] = 6;

        var crossings = EdgeCrossings.Pairs(map, x, y);

        Assert.NotEmpty(crossings);
        Assert.Contains(moved, EdgeCrossings.Points(map, x, y));
    }

    [Fact]
    public void Overlapping_islands_of_two_regions_cross_and_touching_ones_do_not()
    {
        var overlapping = RingMap.Build([Square(0, 0, 4), Square(3, 1, 4)], Identity, maxEdgeLength: 100);
        var touching = RingMap.Build([Square(0, 0, 4), Square(4, 4, 4)], Identity, maxEdgeLength: 100);

        Assert.Equal(2, EdgeCrossings.Pairs(overlapping, overlapping.X, overlapping.Y).Count);
        Assert.Empty(EdgeCrossings.Pairs(touching, touching.X, touching.Y));
    }

    [Fact]
    public void Proper_crossing_excludes_touching_and_collinear_segments()
    {
        double[] x = [0, 2, 0, 2, 1, 3, 4];
        double[] y = [0, 2, 2, 0, 1, 3, 4];

        Assert.True(EdgeCrossings.CrossProperly(x, y, 0, 1, 2, 3));
        Assert.False(EdgeCrossings.CrossProperly(x, y, 0, 1, 4, 3)); // ends on the other segment
        Assert.False(EdgeCrossings.CrossProperly(x, y, 0, 1, 5, 6)); // collinear, apart
    }

    private static Polygon Square(double x, double y, double side) => Factory.CreatePolygon(
    [
        new Coordinate(x, y), new Coordinate(x + side, y), new Coordinate(x + side, y + side), new Coordinate(x, y + side), new Coordinate(x, y),
    ]);
}
