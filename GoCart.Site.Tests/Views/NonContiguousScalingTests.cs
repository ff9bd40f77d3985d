using GoCart.Lambda.Drawing;
using GoCart.Site.Cartograms.Rendering;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Views;

/// <summary>The non-contiguous cartogram on the US states: every region keeps its centroid and reaches its target area; layers move with the region they lie in.</summary>
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

    [Fact]
    public void A_layer_vertex_moves_with_the_region_it_lies_in_and_one_at_sea_stays()
    {
        var factory = new GeometryFactory();
        var small = factory.CreatePolygon([new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]);
        var large = factory.CreatePolygon([new(20, 0), new(40, 0), new(40, 20), new(20, 20), new(20, 0)]);
        Geometry[] regions = [small, large];
        // Same value, four times the area: the large square is halved in width about its centre (30, 10).
        var scalings = NonContiguousScaling.Scalings(regions, [100.0, 100.0]);
        var line = factory.CreateLineString([new(5, 5), new(35, 15), new(15, 30)]);
        var place = factory.CreatePoint(new Coordinate(24, 4));

        var moved = NonContiguousLayers.Move(regions, scalings, [new PictureLayerFeature(line, "line", 0, false), new PictureLayerFeature(place, "place", 3, true)]);

        Assert.Equal([new Coordinate(5, 5), new Coordinate(32.5, 12.5), new Coordinate(15, 30)], moved[0].Geometry.Coordinates);
        Assert.Equal(new Coordinate(27, 7), moved[1].Geometry.Coordinate);
        Assert.True(NonContiguousScaling.Scale(regions, [100.0, 100.0])[1].Covers(moved[1].Geometry));
        Assert.Equal(new Coordinate(24, 4), place.Coordinate);
    }
}
