using GoCart.Site.Maps;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Maps;

/// <summary>The gallery's compact SVG: whole half-pixel steps relative to the previous point, parts too small to see left out.</summary>
public sealed class ThumbnailSvgTests
{
    private static readonly GeometryFactory Geometries = new();

    [Fact]
    public void A_square_is_written_as_relative_steps_on_a_half_pixel_grid()
    {
        // 100 units across in a 240 px picture with a 6 px margin: 2.28 px a unit, 4.56 grid steps.
        var svg = ThumbnailSvg.Render([Square(0, 0, 100)], ThumbnailSvg.OutlineStyle);

        Assert.StartsWith("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 480" width="240" height="240">""", svg);
        Assert.Contains("""<path d="M12 468l456 0 0-456-456 0z"/>""", svg);
    }

    [Fact]
    public void Parts_too_small_to_see_are_left_out_but_never_a_regions_largest_part()
    {
        var mainland = Geometries.CreateMultiPolygon([Square(0, 0, 100), Square(101, 0, 0.1)]);
        var islet = Square(50, 101, 0.5);

        var svg = ThumbnailSvg.Render([mainland, islet], ThumbnailSvg.OutlineStyle);

        var paths = svg.Split("<path d=\"")[1..];
        Assert.Equal(2, paths.Length);
        Assert.All(paths, path => Assert.Single(path.Split('M')[1..]));
    }

    private static Polygon Square(double x, double y, double side) => Geometries.CreatePolygon(
        [new(x, y), new(x + side, y), new(x + side, y + side), new(x, y + side), new(x, y)]);
}
