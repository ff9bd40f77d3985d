using System.Text.Json;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Pipeline;

/// <summary>A cartogram that missed its accuracy goal says so, with its largest error and region, never as a clean success.</summary>
public class ConvergenceTests
{
    [LibraryFact]
    public void A_density_column_does_not_converge_and_its_result_says_by_how_much_and_where()
    {
        var request = PipelineRequests.ForFolder(DensityColumn.Folder);
        var data = RegionDataCsv.Parse(DensityColumn.Csv());

        var result = new CartogramPipeline(new EngineSettings(), MapReadLimits.Default)
            .Compute(request with { Values = data.Rows.ToDictionary(r => r.Id, r => r.Value), Options = null }, null, null, CancellationToken.None);

        Assert.False(result.Converged);
        Assert.True(result.Statistics.MaxAreaError > 10, $"max area error {result.Statistics.MaxAreaError:P0}");
        var worst = result.Regions[Enumerable.Range(0, result.AreaErrors.Count).MaxBy(i => Math.Abs(result.AreaErrors[i]))].Id;
        Assert.Matches($@"^Did not converge: the largest area error is [0-9,]+(\.[0-9])? % \({worst}\), above the 1 % goal, so the regions are not drawn to scale; try ", result.Shortfall);
        using var json = JsonDocument.Parse(CartogramJson.Serialize(result));
        Assert.Equal("not_converged", json.RootElement.GetProperty("status").GetString());
        var statistics = json.RootElement.GetProperty("statistics");
        Assert.False(statistics.GetProperty("converged").GetBoolean());
        Assert.Equal(result.Shortfall, statistics.GetProperty("shortfall").GetString());
    }

    [Theory]
    [InlineData(0.004, null)]
    [InlineData(-0.02, "Did not converge: the largest area error is 2 % (B), above the 1 % goal")]
    [InlineData(1141.17, "Did not converge: the largest area error is 114,117 % (B), above the 1 % goal")]
    public void The_shortfall_names_the_largest_error_and_its_region(double errorOfB, string? expected)
    {
        var shortfall = Convergence.Shortfall(["A", "B", "C"], [0.001, errorOfB, -0.003], 0.01);

        if (expected is null)
        {
            Assert.Null(shortfall);
        }
        else
        {
            Assert.StartsWith(expected, shortfall, StringComparison.Ordinal);
        }
    }
}
