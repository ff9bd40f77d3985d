using System.Globalization;
using System.Text;
using GoCart.Lambda.Geo;

namespace GoCart.Site.Tests.Geo;

/// <summary>
/// Reading and projecting repair each region on its own, in parallel: the results, the regions and the warnings
/// must still come out in the file's order, and a region's error must reach the caller as it was thrown.
/// </summary>
public class RegionsInParallelTests
{
    [Fact]
    public void Results_come_back_in_region_order()
    {
        var squares = RegionsInParallel.Map(5000, i => (long)i * i);

        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (long)i * i), squares);
    }

    [Fact]
    public void The_first_failing_region_is_reported_unwrapped()
    {
        var error = Assert.Throws<MapInputException>(() => RegionsInParallel.Map(1000, i =>
            i is 300 or 700 ? throw new MapInputException($"Region {i} is broken.") : i));

        Assert.Equal("Region 300 is broken.", error.Message);
    }

    [Fact]
    public void A_map_read_in_parallel_keeps_its_regions_and_repair_warnings_in_file_order()
    {
        // 300 unit squares in a row; every third one drawn as a bow-tie, which the reader repairs with a warning.
        var features = Enumerable.Range(0, 300).Select(i =>
        {
            var x = 2 * i;
            var ring = i % 3 == 0
                ? $"[[{x},0],[{x + 1},1],[{x + 1},0],[{x},1],[{x},0]]"
                : $"[[{x},0],[{x + 1},0],[{x + 1},1],[{x},1],[{x},0]]";
            return $$$"""{"type":"Feature","properties":{"name":"R{{{i}}}"},"geometry":{"type":"Polygon","coordinates":[{{{ring}}}]}}""";
        });
        var json = $$$"""{"type":"FeatureCollection","features":[{{{string.Join(",", features)}}}]}""";

        var map = GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name");

        Assert.Equal(Enumerable.Range(0, 300).Select(i => string.Create(CultureInfo.InvariantCulture, $"R{i}")), map.Regions.Select(r => r.Id));
        var repaired = map.Warnings.Where(w => w.Contains("they were repaired", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => string.Create(CultureInfo.InvariantCulture, $"Region \"R{3 * i}\" had self-intersecting, overlapping or spiked rings; they were repaired.")), repaired);
    }
}
