using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Pipeline;

public class PipelineErrorsTests
{
    private static readonly CartogramPipeline Pipeline = new(new EngineSettings(), MapReadLimits.Default);

    [LibraryFact]
    public void Unknown_regions_in_the_values_are_a_400_naming_them()
    {
        var request = PipelineRequests.ForMap("concentric_circles") with { Values = new() { ["inner"] = 1, ["outer"] = 2, ["middle"] = 3 } };

        var error = Assert.Throws<CartogramException>(() => Pipeline.Compute(request, null, null, CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("\"middle\"", error.Message, StringComparison.Ordinal);
    }

    [LibraryTheory]
    [InlineData(-1.0, 2.0, "\"inner\" has the value -1, which is negative")]
    [InlineData(0.0, 0.0, "Every value is zero")]
    [InlineData(1e308, 1e308, "add up to more than")]
    [InlineData(double.PositiveInfinity, 2.0, "not a finite number")]
    public void Negative_all_zero_or_overflowing_values_are_a_400(double inner, double outer, string expected)
    {
        var request = PipelineRequests.ForMap("concentric_circles") with { Values = new() { ["inner"] = inner, ["outer"] = outer } };

        var error = Assert.Throws<CartogramException>(() => Pipeline.Compute(request, null, null, CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [LibraryFact]
    public void All_missing_values_are_a_400()
    {
        var request = PipelineRequests.ForMap("concentric_circles") with { Values = new() { ["inner"] = null, ["outer"] = null } };

        var error = Assert.Throws<CartogramException>(() => Pipeline.Compute(request, null, null, CancellationToken.None));

        Assert.Contains("No region has a value", error.Message, StringComparison.Ordinal);
    }

    [LibraryFact]
    public void A_tiny_time_budget_ends_in_a_504()
    {
        var request = PipelineRequests.ForMap("conterminous_usa_by_state_since_1959");

        var error = Assert.Throws<CartogramException>(() => Pipeline.Compute(request, null, TimeSpan.FromMilliseconds(1), CancellationToken.None));

        Assert.Equal(504, error.StatusCode);
    }

    [LibraryFact]
    public void A_bad_inset_code_is_a_400()
    {
        var request = PipelineRequests.ForMap("concentric_circles") with { Options = new CartogramOptions { Insets = new() { ["inner"] = "X" } } };

        var error = Assert.Throws<CartogramException>(() => Pipeline.Compute(request, null, null, CancellationToken.None));

        Assert.Contains("must be C, L, R, T or B", error.Message, StringComparison.Ordinal);
    }

    [LibraryFact]
    public void The_response_json_carries_both_maps_regions_and_statistics()
    {
        var json = Pipeline.Run(PipelineRequests.ForMap("concentric_circles"), null, null, CancellationToken.None);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("converged", root.GetProperty("status").GetString());
        Assert.Equal(2, root.GetProperty("cartogram").GetProperty("features").GetArrayLength());
        Assert.Equal(2, root.GetProperty("equalAreaMap").GetProperty("features").GetArrayLength());
        Assert.Equal(2, root.GetProperty("regions").GetArrayLength());
        Assert.True(root.GetProperty("statistics").GetProperty("maxAreaError").GetDouble() <= 0.01);
    }
}
