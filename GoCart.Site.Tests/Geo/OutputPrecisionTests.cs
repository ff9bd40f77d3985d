using GoCart.Lambda.Geo;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Geo;

public class OutputPrecisionTests
{
    [Theory]
    [InlineData(36_000_000, 1)] // a world map in metres: 0.1 m, as before
    [InlineData(4_600_000, 2)] // the contiguous US in metres: 0.01 m
    [InlineData(975, 6)] // us-atlas's planar states in pixels: 1e-6 px
    [InlineData(1, 8)]
    public void Rounding_step_is_at_most_1e8_of_the_map_extent(double side, int decimals)
    {
        var extent = new Envelope(-side / 2, side / 2, 0, side / 3);

        Assert.Equal(decimals, OutputPrecision.Decimals(extent));
        Assert.True(Math.Pow(10, -decimals) <= 1e-8 * side);
    }

    [Fact]
    public void An_empty_or_degenerate_extent_keeps_the_most_decimals()
    {
        Assert.Equal(12, OutputPrecision.Decimals(new Envelope()));
        Assert.Equal(12, OutputPrecision.Decimals(new Envelope(5, 5, 7, 7)));
    }
}
