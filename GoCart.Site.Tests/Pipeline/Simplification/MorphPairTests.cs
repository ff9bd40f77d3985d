using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;
using GoCart.Lambda.Pipeline.Simplification;
using GoCart.Site.Tests.Geo;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Pipeline.Simplification;

/// <summary>
/// With the default budget (10,000 points per inset), the equal-area map and the cartogram delivered have the same
/// structure, so the morph goes point to point: the same polygons, holes and points per ring in every region.
/// </summary>
public class MorphPairTests
{
    [LibraryTheory]
    [InlineData("world_by_country_since_2022", null, 1)]
    [InlineData("usa_by_state_since_1959", "usa_population_by_state_2020_insetted.csv", 3)]
    public void The_equal_area_map_and_the_cartogram_have_identical_structure_with_the_default_budget(string mapId, string? csv, int insets)
    {
        var request = PipelineRequests.ForMap(mapId, csv);

        var result = new CartogramPipeline(new EngineSettings(), MapReadLimits.Default).Compute(request, null, null, CancellationToken.None);

        Assert.True(result.Statistics.OutputPoints < result.Statistics.Points, $"{result.Statistics.Points} engine points, {result.Statistics.OutputPoints} written");
        Assert.InRange(result.Statistics.OutputPoints, 4 * result.Regions.Count, insets * OutputBudget.DefaultMaxPoints);
        Assert.Equal(SimplifiedGeometry.DistinctPoints(result.Cartogram), result.Statistics.OutputPoints);
        for (var i = 0; i < result.Regions.Count; i++)
        {
            Assert.Equal(Structure(result.Cartogram[i]), Structure(result.EqualAreaMap[i]));
        }
    }

    /// <summary>"p0: 812 12 5 | p1: 40": per polygon, the points of its shell and of each hole.</summary>
    private static string Structure(Geometry region) =>
        string.Join(" | ", Enumerable.Range(0, region.NumGeometries).Select(k => (Polygon)region.GetGeometryN(k))
            .Select((p, k) => $"p{k}: " + string.Join(' ', new[] { p.Shell }.Concat(p.Holes).Select(r => r.NumPoints))));
}
