using System.Text.Json;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Pipeline;

public class FlooredRegionsTests
{
    [LibraryFact]
    public void Regions_raised_to_the_floor_are_listed_marked_and_measured_against_the_floor()
    {
        var request = PipelineRequests.ForMap("germany_by_state_since_1990");
        var values = request.Values.ToDictionary(v => v.Key, v => v.Value);
        var (zero, tiny) = ("Bremen", "Saarland");
        values[zero] = 0;
        values[tiny] = 1;
        var result = new CartogramPipeline(new EngineSettings(), MapReadLimits.Default)
            .Compute(request with { Values = values }, null, null, CancellationToken.None);
        var ids = result.Regions.Select(r => r.Id).ToList();

        Assert.True(result.Converged);
        Assert.Equal([zero, tiny], ids.Where((_, i) => result.Floored[i]).Order(StringComparer.Ordinal));
        foreach (var id in new[] { zero, tiny })
        {
            var i = ids.IndexOf(id);
            // Drawn at the floor, 1e-4 of the known total, and within the requested error of that floored target.
            Assert.Equal(1e-4, result.TargetShares[i], 6);
            Assert.InRange(Math.Abs(result.AreaErrors[i]), 0, 0.01);
            Assert.Equal(1e-4, result.Cartogram[i].Area / result.Cartogram.Sum(g => g.Area), 5);
        }

        Assert.Contains(result.Warnings, w => w.StartsWith("2 regions are too small to draw at their true size (drawn at 0.01 % of the map): ", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(CartogramJson.Serialize(result));
        Assert.Equal([zero, tiny], json.RootElement.GetProperty("flooredRegions").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
        var regions = json.RootElement.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(2, regions.Count(r => r.GetProperty("floored").GetBoolean()));
    }

    [LibraryFact]
    public void A_map_without_tiny_values_has_no_floored_regions()
    {
        var result = new CartogramPipeline(new EngineSettings(), MapReadLimits.Default)
            .Compute(PipelineRequests.ForMap("germany_by_state_since_1990"), null, null, CancellationToken.None);

        Assert.DoesNotContain(true, result.Floored);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("too small to draw", StringComparison.Ordinal));
    }

    [LibraryFact]
    public void The_message_counts_and_names_the_floored_regions()
    {
        Assert.Null(FlooredRegions.Message(["A", "B"], [false, false]));
        Assert.Equal("1 region is too small to draw at its true size (drawn at 0.01 % of the map): B. Its area error is measured against that floor.",
            FlooredRegions.Message(["A", "B"], [false, true]));
        var many = Enumerable.Range(0, 12).Select(i => $"R{i}").ToList();
        Assert.EndsWith("R9 and 2 more. Their area errors are measured against that floor.", FlooredRegions.Message(many, [.. many.Select(_ => true)]));
    }
}
