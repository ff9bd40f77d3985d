using System.Globalization;
using System.Text;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Geo.Projections;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Geo;

/// <summary>
/// A ring that crosses itself millions of times (a star polygon {2001/1000}: about two million crossings, the
/// shape of a planar map's metres read as degrees) is refused at once with a message naming the region, instead
/// of sending GeometryFixer into a run that once took 22 GB.
/// </summary>
public class RepairBudgetTests
{
    private const int StarPoints = 2001;

    [Fact]
    public void A_map_region_that_crosses_itself_millions_of_times_is_left_out_with_the_reason()
    {
        var json = $$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"name":"Star"},"geometry":{"type":"Polygon","coordinates":[{{{Ring(Star(1))}}}]}},
              {"type":"Feature","properties":{"name":"Square"},"geometry":{"type":"Polygon","coordinates":[[[30,0],[32,0],[32,2],[30,2],[30,0]]]}}
            ]}
            """;

        var map = GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name");

        Assert.Equal(["Square"], map.Regions.Select(r => r.Id));
        var dropped = Assert.Single(map.Dropped);
        Assert.Equal("Star", dropped.Id);
        Assert.StartsWith("has boundaries that cross themselves more than 10,000 times, too many to repair", dropped.Reason, StringComparison.Ordinal);
        Assert.Contains(map.Warnings, w => w.Contains("Star", StringComparison.Ordinal) && w.Contains("mapshaper's -clean", StringComparison.Ordinal));
    }

    [Fact]
    public void A_projected_region_that_crosses_itself_millions_of_times_fails_with_a_message_naming_it()
    {
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        var star = factory.CreatePolygon(Star(1));
        var square = factory.CreatePolygon([new(30, 0), new(32, 0), new(32, 2), new(30, 2), new(30, 0)]);

        var error = Assert.Throws<MapInputException>(() => MapProjector.Project([square, star], ["\"Square\"", "\"Star\""]));

        Assert.StartsWith("Region \"Star\" has boundaries that cross themselves more than 10,000 times, too many to repair. If the map is in projected coordinates (metres), say so", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_few_crossings_are_still_repaired()
    {
        var json = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"name":"Bowtie"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}}
            ]}
            """;

        var map = GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name");

        Assert.Equal(["Bowtie"], map.Regions.Select(r => r.Id));
        Assert.Contains(map.Warnings, w => w.Contains("they were repaired", StringComparison.Ordinal));
    }

    /// <summary>The star polygon {2001/1000} of the given radius in degrees: each edge crosses nearly all the others.</summary>
    private static Coordinate[] Star(double radius)
    {
        var ring = Enumerable.Range(0, StarPoints).Select(j =>
        {
            var angle = 2 * Math.PI * j * 1000 / StarPoints;
            return new Coordinate(radius * Math.Cos(angle), radius * Math.Sin(angle));
        }).ToList();
        ring.Add(ring[0].Copy());
        return [.. ring];
    }

    private static string Ring(Coordinate[] ring) =>
        "[" + string.Join(",", ring.Select(c => string.Create(CultureInfo.InvariantCulture, $"[{c.X:R},{c.Y:R}]"))) + "]";
}
