using System.Globalization;
using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;

namespace GoCart.Site.Tests.Pipeline;

public class InsetFillTests
{
    [Fact]
    public void The_density_counts_every_region_with_a_value_whatever_comes_first()
    {
        (double, double?)[] valuelessFirst = [(3, null), (1, 10), (1, 0), (2, 50)];

        Assert.Equal(15, InsetFill.Density(valuelessFirst), 12);
        Assert.Equal(15, InsetFill.Density(valuelessFirst.Reverse()), 12);
        Assert.Equal(0, InsetFill.Density([(1, null), (1, 0)]));
    }

    [Fact]
    public void Only_a_group_without_any_positive_value_is_filled()
    {
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        NetTopologySuite.Geometries.Geometry[] squares = [Square(factory, 0, 2), Square(factory, 10, 3)];

        Assert.Equal(new double?[] { 8, 0 }, InsetFill.Fill(squares, [null, 0], 2));
        Assert.Equal(new double?[] { null, 5 }, InsetFill.Fill(squares, [null, 5], 2));
        Assert.Equal(new double?[] { null, null }, InsetFill.Fill(squares, [null, null], 0));
    }

    /// <summary>
    /// The main group comes first, then the insets in the order of their sides: the valueless inset (L) is read before
    /// the inset that has a value (R), whose density must count as much as the main map's.
    /// </summary>
    [Fact]
    public void An_inset_without_values_is_drawn_at_the_density_of_every_group_including_the_groups_after_it()
    {
        var request = new CartogramRequest
        {
            Key = "inset_fill",
            Geometry = JsonDocument.Parse(Squares("A", "B", "X", "Y")).RootElement,
            RegionIdProperty = "code",
            Values = new Dictionary<string, double?> { ["A"] = 10_000, ["B"] = 30_000, ["X"] = null, ["Y"] = 90_000 },
            Options = new CartogramOptions { Insets = new Dictionary<string, string> { ["X"] = "L", ["Y"] = "R" } },
        };

        var result = new CartogramPipeline(new EngineSettings(), MapReadLimits.Default).Compute(request, null, null, CancellationToken.None);

        // Four equal squares and 130,000 in all on three of them: X is worth 130,000 / 3 of a total of 520,000 / 3.
        var x = result.Regions.Select(r => r.Id).ToList().IndexOf("X");
        Assert.Equal(0.25, result.TargetShares[x], 6);
        Assert.Equal("L", result.Insets[x]);
    }

    private static NetTopologySuite.Geometries.Polygon Square(NetTopologySuite.Geometries.GeometryFactory factory, double west, double side) =>
        factory.CreatePolygon([new(west, 0), new(west + side, 0), new(west + side, side), new(west, side), new(west, 0)]);

    /// <summary>Squares of 100 projected units in a row, each with its "code".</summary>
    private static string Squares(params string[] codes)
    {
        var features = codes.Select((code, i) => string.Create(CultureInfo.InvariantCulture,
            $$$"""{"type":"Feature","properties":{"code":"{{{code}}}"},"geometry":{"type":"Polygon","coordinates":[[[{{{i * 100}}},0],[{{{(i + 1) * 100}}},0],[{{{(i + 1) * 100}}},100],[{{{i * 100}}},100],[{{{i * 100}}},0]]]}}"""));
        return $$"""{"type":"FeatureCollection","features":[{{string.Join(',', features)}}]}""";
    }
}
