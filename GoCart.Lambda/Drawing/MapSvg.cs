using System.Globalization;
using System.Security;
using System.Text;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Drawing;

/// <summary>
/// Draws a <see cref="MapPicture"/> as SVG: one focusable path per region (even-odd, so holes stay holes) with
/// a title for tooltips, labels inside regions large enough to hold them, an area legend and a hidden grid of
/// legend squares that the page can switch on. The same markup works inline and as a downloaded file; a file
/// (standalone) also carries the map's title as its document title and a credit line under the map. The site's
/// downloads and `gocart generate --svg` both draw with it.
/// </summary>
public static class MapSvg
{
    /// <summary>The id of the result view's text that tells keyboard users how to move through a map.</summary>
    public const string KeyboardHelpId = "map-keys";

    /// <summary>The line under every downloaded map: what made it and the method it follows.</summary>
    public const string Credit = "Made with GoCart · flow-based cartogram (Gastner, Seguy & More, PNAS 2018)";

    private const double FontSize = 11;

    private const double CreditHeight = 16;

    public static string Render(MapPicture picture, bool standalone)
    {
        var frame = picture.Frame;
        var height = frame.Height + (standalone ? CreditHeight : 0);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {N(frame.Width)} {N(height)}" """);
        if (standalone)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""width="{N(frame.Width)}" height="{N(height)}" """);
        }

        svg.Append(CultureInfo.InvariantCulture, $"""class="map" id="{picture.Id}" role="group" aria-label="{E(picture.Title)}" """);
        if (!standalone)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""aria-describedby="{KeyboardHelpId}" """);
        }

        svg.Append('>');
        if (standalone)
        {
            svg.Append("<title>").Append(E(picture.Title)).Append("</title>");
            svg.Append("""<rect width="100%" height="100%" fill="#ffffff"/>""");
        }

        svg.Append("""<g class="regions" stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round">""");
        for (var i = 0; i < picture.Geometries.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<path data-i="{i}" fill="{E(picture.Fills[i])}" fill-rule="evenodd" """);
            if (!standalone)
            {
                // One tab stop per map (a roving tabindex): result.js moves it with the arrow keys.
                svg.Append(i == 0 ? """tabindex="0" """ : """tabindex="-1" """);
            }

            svg.Append("d=\"").Append(SvgPaths.Path(picture.Geometries[i], frame)).Append("\"><title>")
                .Append(E(picture.Names[i])).Append("</title></path>");
        }

        svg.Append("</g>");
        if (!standalone)
        {
            AppendGrid(svg, picture);
        }

        LayerSvg.Append(svg, picture);
        AppendLabels(svg, picture);
        AppendLegend(svg, picture);
        if (standalone)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="credit" x="{N(frame.Width - MapFrame.Margin)}" y="{N(height - 4)}" font-family="system-ui, sans-serif" font-size="10" text-anchor="end" fill="#5b6474">{E(Credit)}</text>""");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void AppendLabels(StringBuilder svg, MapPicture picture)
    {
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="labels" aria-hidden="true" font-family="system-ui, sans-serif" font-size="{N(FontSize)}" text-anchor="middle" fill="#1d2330" pointer-events="none">""");
        for (var i = 0; i < picture.Geometries.Count; i++)
        {
            if (picture.Labels[i] is { Length: > 0 } label && LabelPosition(picture.Geometries[i], label, picture.Frame) is { } point)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text data-i="{i}" x="{N(point.X)}" y="{N(point.Y + (FontSize * 0.35))}">{E(label)}</text>""");
            }
        }

        svg.Append("</g>");
    }

    /// <summary>The label's position in the picture when the region's largest part can hold it, else null.</summary>
    public static Coordinate? LabelPosition(Geometry geometry, string label, MapFrame frame)
    {
        var largest = Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).MaxBy(g => g.Area);
        if (largest is null || largest.IsEmpty)
        {
            return null;
        }

        var width = label.Length * FontSize * 0.6;
        var envelope = largest.EnvelopeInternal;
        var pixelArea = largest.Area * frame.Scale * frame.Scale;
        if (envelope.Width * frame.Scale < width + 4 || envelope.Height * frame.Scale < FontSize * 1.6 || pixelArea < 3 * width * FontSize)
        {
            return null;
        }

        var inside = InteriorPointArea.GetInteriorPoint(largest);
        return new Coordinate(frame.X(inside.X), frame.Y(inside.Y));
    }

    private static void AppendLegend(StringBuilder svg, MapPicture picture)
    {
        if (picture.Legend is not { } legend)
        {
            return;
        }

        var x = MapFrame.Margin + 2;
        var y = picture.Frame.Height - MapFrame.Margin - legend.Side - 2;
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="legend" font-family="system-ui, sans-serif" font-size="12" fill="#1d2330"><rect x="{N(x)}" y="{N(y)}" width="{N(legend.Side)}" height="{N(legend.Side)}" fill="none" stroke="#1d2330" stroke-width="1"/><text x="{N(x + legend.Side + 6)}" y="{N(y + (legend.Side / 2) + 4)}">{E(legend.Text)}</text></g>""");
    }

    private static void AppendGrid(StringBuilder svg, MapPicture picture)
    {
        if (picture.Legend is not { } legend)
        {
            return;
        }

        var id = picture.Id + "-grid";
        svg.Append(CultureInfo.InvariantCulture, $"""<defs><pattern id="{id}" width="{N(legend.Side)}" height="{N(legend.Side)}" patternUnits="userSpaceOnUse"><path d="M{N(legend.Side)} 0H0V{N(legend.Side)}" fill="none" stroke="#5b6474" stroke-opacity="0.45" stroke-width="0.6"/></pattern></defs>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect class="grid" width="100%" height="100%" fill="url(#{id})" pointer-events="none"/>""");
    }

    private static string N(double value) => SvgPaths.Number(value);

    private static string E(string text) => SecurityElement.Escape(text) ?? "";
}
