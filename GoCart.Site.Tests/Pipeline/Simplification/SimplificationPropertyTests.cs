using GoCart.Lambda.Pipeline.Simplification;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Pipeline.Simplification;

/// <summary>
/// Invariants of the output simplification on many random jagged grids (seeded, so a failure names its case):
/// whatever the grid, the budget and the tolerance, no two arcs cross, no shared border breaks, every ring keeps
/// its minimum points, and the budget or the tolerance is met.
/// </summary>
public class SimplificationPropertyTests
{
    private const int Cases = 60;

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1000, Cases)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_arcs_cross_no_shared_border_breaks_and_rings_keep_their_minimum(int seed)
    {
        var random = new Random(seed);
        var grid = JaggedGrid.Create(seed, cells: random.Next(2, 6), pointsPerEdge: random.Next(4, 25), amplitude: 0.01 + (0.07 * random.NextDouble()));
        var budget = new OutputBudget(random.Next(OutputBudget.MinMaxPoints, 400), null);

        var result = Simplify(grid, budget);

        Assert.Empty(SimplifiedGeometry.CrossingEdges(result.Cartogram));
        Assert.Empty(SimplifiedGeometry.CrossingEdges(result.EqualAreaMap));
        var before = SimplifiedGeometry.RegionsByVertex(grid.Cartogram);
        foreach (var (vertex, regions) in SimplifiedGeometry.RegionsByVertex(result.Cartogram))
        {
            Assert.Equal(before[vertex], regions);
        }

        Assert.Equal(Neighbours(grid.Cartogram), Neighbours(result.Cartogram));
        foreach (var ring in result.Cartogram.Concat(result.EqualAreaMap).SelectMany(SimplifiedGeometry.RingsWithoutClosure))
        {
            Assert.True(ring.Length >= AreaAwareSimplifier.MinRingPoints, $"a ring kept {ring.Length} points");
        }

        Assert.Equal(result.PointsAfter, SimplifiedGeometry.DistinctPoints(result.Cartogram));
        Assert.InRange(result.PointsAfter, 1, result.PointsBefore);
    }

    /// <summary>Borders gentle enough for the area rules to allow every removal: the budget is met exactly (shared points counted once).</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Gentle_grids_are_thinned_to_the_budget(int seed)
    {
        var random = new Random(seed);
        var cells = random.Next(2, 6);
        var grid = JaggedGrid.Create(seed, cells, pointsPerEdge: random.Next(15, 30), amplitude: 0.001 + (0.003 * random.NextDouble()));
        var before = SimplifiedGeometry.DistinctPoints(grid.Cartogram);
        var least = Math.Max(OutputBudget.MinMaxPoints, 10 * grid.Cartogram.Count);
        var budget = random.Next(least, Math.Max(least + 1, before / 2));

        var result = Simplify(grid, new OutputBudget(budget, null));

        Assert.True(result.PointsBefore > budget, $"{result.PointsBefore} points before, budget {budget}");
        Assert.Equal(budget, result.PointsAfter);
        Assert.Equal(result.PointsAfter, SimplifiedGeometry.DistinctPoints(result.Cartogram));
    }

    /// <summary>
    /// A tolerance alone keeps every engine point within it of the delivered borders, in both maps; with a budget
    /// too, the output has no more points than with the budget alone (whichever keeps fewer).
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_tolerance_keeps_every_point_within_it_and_never_adds_to_the_budget(int seed)
    {
        var random = new Random(seed);
        var grid = JaggedGrid.Create(seed, cells: random.Next(2, 5), pointsPerEdge: random.Next(6, 20), amplitude: 0.005 + (0.03 * random.NextDouble()));
        var tolerance = 0.002 + (0.02 * random.NextDouble());
        var maxPoints = random.Next(OutputBudget.MinMaxPoints, 300);

        var alone = Simplify(grid, new OutputBudget(null, tolerance));
        var budgetOnly = Simplify(grid, new OutputBudget(maxPoints, null));
        var both = Simplify(grid, new OutputBudget(maxPoints, tolerance));

        Assert.True(alone.PointsAfter < alone.PointsBefore, $"tolerance {tolerance} removed nothing of {alone.PointsBefore}");
        AssertWithin(grid.Cartogram, alone.Cartogram, tolerance);
        AssertWithin(grid.EqualArea, alone.EqualAreaMap, tolerance);
        Assert.True(both.PointsAfter <= budgetOnly.PointsAfter, $"{both.PointsAfter} points with the tolerance, {budgetOnly.PointsAfter} without");
        Assert.Empty(SimplifiedGeometry.CrossingEdges(both.Cartogram));
    }

    private static SimplifiedMap Simplify(JaggedGrid grid, OutputBudget budget) =>
        OutputSimplification.Simplify(grid.Cartogram, grid.EqualArea, new double[grid.Cartogram.Count], 0.01, budget, [], []);

    private static void AssertWithin(IReadOnlyList<Geometry> engine, IReadOnlyList<Geometry> delivered, double tolerance)
    {
        var factory = new GeometryFactory();
        for (var i = 0; i < engine.Count; i++)
        {
            var border = delivered[i].Boundary;
            foreach (var point in engine[i].Coordinates)
            {
                var distance = border.Distance(factory.CreatePoint(point));
                Assert.True(distance <= tolerance * (1 + 1e-9), $"region {i}: {point} is {distance} from the delivered border (tolerance {tolerance})");
            }
        }
    }

    /// <summary>Pairs of regions ("0,3") whose rings share at least two points: neighbours along a border, not only at a corner.</summary>
    private static List<string> Neighbours(IReadOnlyList<Geometry> regions) =>
        [.. SimplifiedGeometry.RegionsByVertex(regions).Values
            .Select(v => v.Split(','))
            .SelectMany(members => members.SelectMany((a, i) => members.Skip(i + 1).Select(b => $"{a},{b}")))
            .GroupBy(pair => pair, StringComparer.Ordinal).Where(g => g.Count() >= 2).Select(g => g.Key).Order(StringComparer.Ordinal)];
}
