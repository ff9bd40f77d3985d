using GoCart.Lambda.Engine;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Engine;

public class DensityRasterizerTests
{
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cells_inside_a_square_get_its_density_and_cells_outside_the_sea_density(bool clockwiseInput)
    {
        var lattice = new Lattice(16, 16, 0, 0, 1);
        var square = Box(2, 3, 5, 7, clockwiseInput);
        var map = RingMap.Build([square], lattice, 100);

        var density = Fill(map, lattice, [3.0], 1.0);

        Assert.Equal(3.0, density[(3 * 16) + 4], 12);
        Assert.Equal(1.0, density[(0 * 16) + 0], 12);
        Assert.Equal(1.0, density[(6 * 16) + 4], 12);
        Assert.Equal(1.0, density[(3 * 16) + 8], 12);
    }

    [Fact]
    public void Partly_covered_cells_get_the_area_weighted_mean()
    {
        var lattice = new Lattice(16, 16, 0, 0, 1);
        var square = Box(2.25, 3.5, 4.75, 6.0, clockwise: false);
        var map = RingMap.Build([square], lattice, 100);

        var density = Fill(map, lattice, [5.0], 1.0);

        // Cell (2,3) is covered 0.75 × 0.5; cell (4,5) 0.75 × 1.
        Assert.Equal(1.0 + (4.0 * 0.375), density[(2 * 16) + 3], 12);
        Assert.Equal(1.0 + (4.0 * 0.75), density[(4 * 16) + 5], 12);
        Assert.Equal(5.0, density[(3 * 16) + 4], 12);
    }

    [Fact]
    public void Total_mass_equals_the_exact_polygon_areas_times_their_densities()
    {
        var lattice = new Lattice(32, 32, 0, 0, 1);
        var triangle = Factory.CreatePolygon([new(3.3, 4.1), new(20.7, 6.9), new(11.2, 25.4), new(3.3, 4.1)]);
        var map = RingMap.Build([triangle], lattice, 100);

        var density = Fill(map, lattice, [2.0], 0.0);

        // Coverage deltas are stored in single precision: exact to about 1e-7 of the mass.
        Assert.Equal(triangle.Area * 2.0, density.Sum(), 1e-7 * triangle.Area * 2.0);
    }

    [Fact]
    public void Filling_again_or_in_parallel_gives_the_same_densities()
    {
        var lattice = new Lattice(32, 32, 0, 0, 1);
        var triangle = Factory.CreatePolygon([new(3.3, 4.1), new(20.7, 6.9), new(11.2, 25.4), new(3.3, 4.1)]);
        var map = RingMap.Build([triangle], lattice, 100);
        var serial = new double[32 * 32];
        var again = new double[32 * 32];
        var parallel = new double[32 * 32];

        var rasterizer = new DensityRasterizer(32, 32);
        rasterizer.Fill(map, map.X, map.Y, [2.0], [3.0], 1.0, 1.0, serial, 32);
        rasterizer.Fill(map, map.X, map.Y, [2.0], [3.0], 1.0, 1.0, again, 32);
        new DensityRasterizer(32, 32, 2).Fill(map, map.X, map.Y, [2.0], [3.0], 1.0, 1.0, parallel, 32);

        Assert.Contains(serial, d => d > 1.5);
        Assert.Equal(serial, again);
        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void A_hole_gets_the_sea_density()
    {
        var lattice = new Lattice(16, 16, 0, 0, 1);
        var shell = Factory.CreateLinearRing([new(1, 1), new(12, 1), new(12, 12), new(1, 12), new(1, 1)]);
        var hole = Factory.CreateLinearRing([new(4, 4), new(8, 4), new(8, 8), new(4, 8), new(4, 4)]);
        var map = RingMap.Build([Factory.CreatePolygon(shell, [hole])], lattice, 100);

        var density = Fill(map, lattice, [4.0], 1.0);

        Assert.Equal(1.0, density[(5 * 16) + 5], 12);
        Assert.Equal(4.0, density[(2 * 16) + 2], 12);
    }

    [Fact]
    public void A_heavily_weighted_region_dominates_the_cells_it_shares()
    {
        var lattice = new Lattice(16, 16, 0, 0, 1);
        var small = Box(4.0, 4.0, 4.5, 4.5, clockwise: false);
        var map = RingMap.Build([small], lattice, 100);
        var density = new double[16 * 16];

        new DensityRasterizer(16, 16).Fill(map, map.X, map.Y, [9.0], [99.0], 1.0, 1.0, density, 16);

        // Covered 0.25 with weight 99 against sea 0.75 with weight 1.
        Assert.Equal(((0.25 * 99 * 9) + 0.75) / ((0.25 * 99) + 0.75), density[(4 * 16) + 4], 12);
    }

    internal static Polygon Box(double x0, double y0, double x1, double y1, bool clockwise)
    {
        Coordinate[] ring = [new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)];
        if (clockwise)
        {
            Array.Reverse(ring);
        }

        return Factory.CreatePolygon(ring);
    }

    private static double[] Fill(RingMap map, Lattice lattice, double[] regionDensity, double sea)
    {
        var density = new double[lattice.Lx * lattice.Ly];
        new DensityRasterizer(lattice.Lx, lattice.Ly).Fill(map, map.X, map.Y, regionDensity, [.. regionDensity.Select(_ => 1.0)], sea, 1.0, density, lattice.Ly);
        return density;
    }
}
