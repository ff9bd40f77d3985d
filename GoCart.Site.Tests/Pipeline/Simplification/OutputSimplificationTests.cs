using GoCart.Lambda.Contract;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;
using GoCart.Lambda.Pipeline.Simplification;
using GoCart.Site.Tests.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace GoCart.Site.Tests.Pipeline.Simplification;

public class OutputSimplificationTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    /// <summary>
    /// Random jagged borders thinned hard: no two edges cross, every vertex stays in exactly the regions it was in
    /// (shared borders stay shared), nothing overlaps, every region stays valid with at least 4 points per ring, the
    /// island survives, and each region's area moves by at most the drift allowed.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Jagged_borders_thinned_hard_keep_their_topology_and_areas(int seed)
    {
        var grid = JaggedGrid.Create(seed, cells: 5, pointsPerEdge: 15, amplitude: 0.04);

        var result = Simplify(grid, maxPoints: 150);

        Assert.True(result.PointsAfter < result.PointsBefore / 2, $"{result.PointsBefore} → {result.PointsAfter}");
        Assert.Empty(SimplifiedGeometry.CrossingEdges(result.Cartogram));
        Assert.Empty(SimplifiedGeometry.CrossingEdges(result.EqualAreaMap));
        var before = SimplifiedGeometry.RegionsByVertex(grid.Cartogram);
        foreach (var (vertex, regions) in SimplifiedGeometry.RegionsByVertex(result.Cartogram))
        {
            Assert.Equal(before[vertex], regions);
        }

        Assert.Equal(result.Cartogram.Sum(g => g.Area), UnaryUnionOp.Union(result.Cartogram).Area, 9);
        for (var i = 0; i < result.Cartogram.Count; i++)
        {
            Assert.True(result.Cartogram[i].IsValid && result.EqualAreaMap[i].IsValid, $"region {i}");
            Assert.True(result.Cartogram[i].NumPoints >= 5, $"region {i} has {result.Cartogram[i].NumPoints} coordinates");
            Assert.InRange(result.Cartogram[i].Area / grid.Cartogram[i].Area, 1 - AreaAwareDrift, 1 + AreaAwareDrift);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_equal_area_map_keeps_the_same_vertices_as_the_cartogram(int seed)
    {
        var grid = JaggedGrid.Create(seed, cells: 4, pointsPerEdge: 12, amplitude: 0.02);

        var result = Simplify(grid, maxPoints: 120);

        for (var i = 0; i < result.Cartogram.Count; i++)
        {
            var cartogram = result.Cartogram[i].Coordinates;
            var equalArea = result.EqualAreaMap[i].Coordinates;
            Assert.Equal(result.Cartogram[i].NumGeometries, result.EqualAreaMap[i].NumGeometries);
            Assert.Equal(cartogram.Length, equalArea.Length);
            for (var k = 0; k < cartogram.Length; k++)
            {
                Assert.True(JaggedGrid.ToEqualArea(cartogram[k]).Equals2D(equalArea[k], 1e-12), $"region {i}, point {k}");
            }
        }
    }

    [Fact]
    public void Gentle_borders_are_thinned_to_the_budget_counting_shared_points_once()
    {
        var grid = JaggedGrid.Create(11, cells: 6, pointsPerEdge: 20, amplitude: 0.005);

        var result = Simplify(grid, maxPoints: 300);

        Assert.True(result.PointsBefore > 1500);
        Assert.Equal(300, result.PointsAfter);
        Assert.Equal(300, SimplifiedGeometry.DistinctPoints(result.Cartogram));
    }

    [Fact]
    public void A_place_beside_a_border_stays_in_its_region()
    {
        var grid = JaggedGrid.Create(21, cells: 4, pointsPerEdge: 15, amplitude: 0.04);
        var random = new Random(5);
        var places = Enumerable.Range(0, 400).Select(_ => new Coordinate(4 * random.NextDouble(), 4 * random.NextDouble())).ToList();

        var result = OutputSimplification.Simplify(grid.Cartogram, grid.EqualArea, new double[grid.Cartogram.Count], 0.01, new OutputBudget(100, null),
            places, [.. places.Select(JaggedGrid.ToEqualArea)]);

        var factory = new GeometryFactory();
        foreach (var place in places)
        {
            var point = factory.CreatePoint(place);
            Assert.Equal(Enumerable.Range(0, grid.Cartogram.Count).Where(i => grid.Cartogram[i].Contains(point)),
                Enumerable.Range(0, result.Cartogram.Count).Where(i => result.Cartogram[i].Contains(point)));
        }
    }

    [LibraryFact]
    public void A_shipped_map_is_thinned_to_the_requested_points_with_errors_measured_on_what_is_delivered()
    {
        var request = PipelineRequests.ForMap("germany_by_state_since_1990");
        request = request with { Options = (request.Options ?? new CartogramOptions()) with { MaxPoints = 600 } };

        var result = new CartogramPipeline(new EngineSettings(), MapReadLimits.Default).Compute(request, null, null, CancellationToken.None);

        Assert.True(result.Converged);
        Assert.True(result.Statistics.Points > 2000, $"{result.Statistics.Points} engine points");
        Assert.Equal(SimplifiedGeometry.DistinctPoints(result.Cartogram), result.Statistics.OutputPoints);
        Assert.InRange(result.Statistics.OutputPoints, 4 * result.Regions.Count, 600);
        var total = result.Cartogram.Sum(g => g.Area);
        for (var i = 0; i < result.Regions.Count; i++)
        {
            Assert.Equal(result.Cartogram[i].Coordinates.Length, result.EqualAreaMap[i].Coordinates.Length);
            Assert.Equal(result.Cartogram[i].Area / total / result.TargetShares[i] - 1, result.AreaErrors[i], 9);
        }
    }

    [LibraryFact]
    public void A_budget_below_the_minimum_is_a_400_naming_the_option()
    {
        var request = PipelineRequests.ForMap("concentric_circles");
        request = request with { Options = new CartogramOptions { MaxPoints = 10 } };

        var error = Assert.Throws<CartogramException>(() => new CartogramPipeline(new EngineSettings(), MapReadLimits.Default).Compute(request, null, null, CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("options.maxPoints must be 0 (write every point) or at least 100", error.Message, StringComparison.Ordinal);
    }

    [LibraryFact]
    public void A_tolerance_that_is_not_a_positive_distance_is_a_400_naming_the_option()
    {
        var request = PipelineRequests.ForMap("concentric_circles");
        request = request with { Options = new CartogramOptions { Tolerance = double.NaN } };

        var error = Assert.Throws<CartogramException>(() => new CartogramPipeline(new EngineSettings(), MapReadLimits.Default).Compute(request, null, null, CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("options.tolerance must be a distance above 0 in the output's units", error.Message, StringComparison.Ordinal);
    }

    [LibraryFact]
    public void Max_points_0_writes_every_point_the_engine_moved()
    {
        var request = PipelineRequests.ForMap("germany_by_state_since_1990");
        request = request with { Options = (request.Options ?? new CartogramOptions()) with { MaxPoints = 0 } };

        var result = new CartogramPipeline(new EngineSettings(), MapReadLimits.Default).Compute(request, null, null, CancellationToken.None);

        Assert.Equal(result.Statistics.Points, result.Statistics.OutputPoints);
        Assert.True(SimplifiedGeometry.DistinctPoints(result.Cartogram) > 2000, "every engine point is written");
    }

    /// <summary>The drift a region may take (0.5 % of its area), with rounding room.</summary>
    private const double AreaAwareDrift = 0.00501;

    private static SimplifiedMap Simplify(JaggedGrid grid, int maxPoints) =>
        OutputSimplification.Simplify(grid.Cartogram, grid.EqualArea, new double[grid.Cartogram.Count], 0.01, new OutputBudget(maxPoints, null), [], []);
}
