using GoCart.Lambda.Engine;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace GoCart.Site.Tests.Engine;

public class CartogramEngineTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void Two_squares_reach_their_target_areas_and_keep_the_total()
    {
        var left = DensityRasterizerTests.Box(0, 0, 10, 10, clockwise: false);
        var right = DensityRasterizerTests.Box(10, 0, 20, 10, clockwise: true);

        var result = CartogramEngine.Run([left, right], [1.0, 3.0], new EngineSettings { GridSize = 128 });

        Assert.Equal(CartogramStatus.Converged, result.Status);
        Assert.Equal(0.25, result.Cartogram[0].Area / (result.Cartogram[0].Area + result.Cartogram[1].Area), 2);
        Assert.Equal(200.0, result.Cartogram.Sum(g => g.Area), 6);
        AssertValidAndMatching(result);
    }

    [Fact]
    public void A_region_with_a_hole_keeps_the_hole()
    {
        var shell = Factory.CreateLinearRing([new(0, 0), new(30, 0), new(30, 30), new(0, 30), new(0, 0)]);
        var hole = Factory.CreateLinearRing([new(10, 10), new(20, 10), new(20, 20), new(10, 20), new(10, 10)]);
        var ring = Factory.CreatePolygon(shell, [hole]);
        var lake = DensityRasterizerTests.Box(10, 10, 20, 20, clockwise: false);

        var result = CartogramEngine.Run([ring, lake], [2.0, 1.0], new EngineSettings { GridSize = 128 });

        Assert.Equal(CartogramStatus.Converged, result.Status);
        var cartogram = Assert.IsType<Polygon>(result.Cartogram[0]);
        Assert.Equal(1, cartogram.NumInteriorRings);
        Assert.True(cartogram.Area < Factory.CreatePolygon(cartogram.Shell).Area);
        AssertValidAndMatching(result);
    }

    [Fact]
    public void Progress_is_reported_and_never_goes_backwards()
    {
        var left = DensityRasterizerTests.Box(0, 0, 10, 10, clockwise: false);
        var right = DensityRasterizerTests.Box(10, 0, 20, 10, clockwise: false);
        var reports = new List<EngineProgress>();

        var result = CartogramEngine.Run([left, right], [1.0, 9.0], new EngineSettings { GridSize = 64 }, new SynchronousProgress(reports.Add));

        Assert.NotEmpty(reports);
        Assert.Equal(result.Statistics.Integrations + 1, reports.Count);
        for (var i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].Fraction >= reports[i - 1].Fraction);
        }

        Assert.Equal(1.0, reports[^1].Fraction);
    }

    [Fact]
    public void Cancellation_stops_the_run()
    {
        var left = DensityRasterizerTests.Box(0, 0, 10, 10, clockwise: false);
        var right = DensityRasterizerTests.Box(10, 0, 20, 10, clockwise: false);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            CartogramEngine.Run([left, right], [1.0, 9.0], new EngineSettings { GridSize = 64 }, null, cancellation.Token));
    }

    [Fact]
    public void An_exhausted_time_budget_ends_with_a_clear_status_and_the_best_map_so_far()
    {
        var left = DensityRasterizerTests.Box(0, 0, 10, 10, clockwise: false);
        var right = DensityRasterizerTests.Box(10, 0, 20, 10, clockwise: false);

        var result = CartogramEngine.Run([left, right], [1.0, 9.0], new EngineSettings { GridSize = 64, TimeBudget = TimeSpan.Zero });

        Assert.Equal(CartogramStatus.TimeBudgetExceeded, result.Status);
        Assert.Equal(2, result.Cartogram.Count);
    }

    [Fact]
    public void The_integration_cap_ends_the_run_with_its_status()
    {
        var left = DensityRasterizerTests.Box(0, 0, 10, 10, clockwise: false);
        var right = DensityRasterizerTests.Box(10, 0, 20, 10, clockwise: false);

        var result = CartogramEngine.Run([left, right], [1.0, 50.0], new EngineSettings { GridSize = 64, MaxIntegrations = 1 });

        Assert.Equal(CartogramStatus.IntegrationCapReached, result.Status);
        Assert.Equal(1, result.Statistics.Integrations);
    }

    internal static void AssertValidAndMatching(EngineResult result)
    {
        for (var i = 0; i < result.Cartogram.Count; i++)
        {
            var cartogram = result.Cartogram[i];
            var original = result.EqualAreaMap[i];
            Assert.True(cartogram.IsValid, $"region {i}: {new IsValidOp(cartogram).ValidationError}");
            Assert.Equal(original.NumGeometries, cartogram.NumGeometries);
            Assert.Equal(original.NumPoints, cartogram.NumPoints);
        }
    }

    private sealed class SynchronousProgress(Action<EngineProgress> report) : IProgress<EngineProgress>
    {
        public void Report(EngineProgress value) => report(value);
    }
}
