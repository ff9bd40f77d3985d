using System.Text.Json;
using System.Text.Json.Nodes;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;
using NetTopologySuite.Operation.Valid;

namespace GoCart.Site.Tests.PublicData;

/// <summary>
/// us-atlas's states-albers-10m: already projected, in pixel units of a 975 × 610 frame. Its output used to be
/// rounded to 0.1 units like a map in metres; with these values that made 8 regions invalid as written where the
/// computed map has 1 (Maryland, where the engine itself leaves a self-intersection, which the result names).
/// </summary>
public class PlanarPixelMapTests
{
    [Fact]
    public void Pixel_unit_map_output_is_as_valid_as_written_as_computed_and_invalid_regions_are_named()
    {
        var result = new CartogramPipeline(new EngineSettings(), MapReadLimits.Default)
            .Compute(Request(PublicMaps.StatesAlbers10mGeoJson), null, null, CancellationToken.None);
        Assert.True(result.Converged, $"max area error {result.Statistics.MaxAreaError:P2}");

        using var json = JsonDocument.Parse(CartogramJson.Serialize(result));
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        foreach (var (collection, computed) in new[] { ("cartogram", result.Cartogram), ("equalAreaMap", result.EqualAreaMap) })
        {
            // Read back as the site does, without the upload's repairs, feature by feature in region order.
            var features = json.RootElement.GetProperty(collection).GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(result.Regions.Count, features.Count);
            for (var i = 0; i < features.Count; i++)
            {
                var id = result.Regions[i].Id;
                var polygons = GeometryParser.Polygons(features[i].GetProperty("geometry"), id, factory, [])!;
                var written = polygons.Count == 1 ? (NetTopologySuite.Geometries.Geometry)polygons[0] : factory.CreateMultiPolygon([.. polygons]);
                Assert.True(written.IsValid || !computed[i].IsValid, $"{collection}/{id} as written: {new IsValidOp(written).ValidationError}");
                Assert.Equal(computed[i].NumPoints, written.NumPoints);
                if (!computed[i].IsValid)
                {
                    Assert.Contains(result.Warnings, w => w.Contains("not a valid polygon", StringComparison.Ordinal) && w.Contains(id, StringComparison.Ordinal));
                }
            }
        }
    }

    /// <summary>
    /// The file's regions with its Feature.id copied into a property (the reader takes ids from properties), and
    /// values spread log-uniformly over two orders of magnitude (1,000 to 100,000) whatever the region's size.
    /// </summary>
    internal static CartogramRequest Request(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var random = new Random(14);
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var feature in root["features"]!.AsArray())
        {
            var id = feature!["id"]!.ToString();
            var properties = feature["properties"] as JsonObject ?? [];
            properties["gid"] = id;
            feature["properties"] = properties;
            values[id] = Math.Pow(10, 4 + ((2 * random.NextDouble()) - 1));
        }

        return new CartogramRequest
        {
            Key = "test_states_albers",
            Geometry = JsonDocument.Parse(root.ToJsonString()).RootElement,
            RegionIdProperty = "gid",
            Values = values,
        };
    }
}
