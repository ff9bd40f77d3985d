using GoCart.Site.Cartograms.Rendering;

namespace GoCart.Site.Tests.Views;

/// <summary>The non-contiguous cartogram on the US states: every region keeps its centroid and reaches its target area.</summary>
public sealed class NonContiguousScalingTests
{
    [Theory]
    [InlineData("usa_by_state")]
    [InlineData("world_by_country")]
    public void Each_region_keeps_its_centroid_and_reaches_its_target_area_within_a_tenth_of_a_percent(string mapId)
    {
        var map = StarterMapGeometry.Read(mapId);
        var targets = NonContiguousScaling.TargetAreas(map.Regions, map.Values);
        var scaled = NonContiguousScaling.Scale(map.Regions, map.Values);

        for (var i = 0; i < map.Regions.Count; i++)
        {
            var before = map.Regions[i].Centroid.Coordinate;
            var after = scaled[i].Centroid.Coordinate;
            Assert.True(before.Distance(after) <= 1e-6 * map.Regions[i].EnvelopeInternal.Diameter, $"{map.Names[i]}'s centroid moved by {before.Distance(after)} m.");
            Assert.True(Math.Abs(scaled[i].Area - targets[i]) <= 0.001 * targets[i], $"{map.Names[i]}: area {scaled[i].Area}, target {targets[i]}.");
        }
    }

    [Fact]
    public void Areas_are_proportional_to_the_values_and_the_densest_region_keeps_its_size()
    {
        var map = StarterMapGeometry.Read("usa_by_state");
        var targets = NonContiguousScaling.TargetAreas(map.Regions, map.Values);
        var densities = Enumerable.Range(0, map.Regions.Count).Where(i => map.Values[i] is > 0).Select(i => map.Values[i]!.Value / targets[i]).ToList();
        var densest = Enumerable.Range(0, map.Regions.Count).Where(i => map.Values[i] is > 0).MaxBy(i => map.Values[i]!.Value / map.Regions[i].Area);

        Assert.True(densities.Max() / densities.Min() < 1 + 1e-9, "Every region has the same value per area.");
        Assert.Equal(map.Regions[densest].Area, targets[densest], map.Regions[densest].Area * 1e-12);
        Assert.All(Enumerable.Range(0, map.Regions.Count), i => Assert.True(targets[i] <= map.Regions[i].Area * (1 + 1e-12)));
    }
}
