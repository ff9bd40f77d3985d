using System.Globalization;
using System.Security;
using System.Text;

namespace GoCart.Lambda.Drawing;

/// <summary>
/// Draws a <see cref="MapPicture"/> as SVG: one focusable path per region (even-odd, so holes stay holes) with
/// a title for tooltips, labels placed inside the regions that hold them (<see cref="LabelPlacer"/>), framed and
/// named insets, an area legend, a colour key when the fills stand for values, and a grid of legend squares
/// (hidden unless asked for; the page can switch it on). What zooms (regions, grid, layers, labels, insets) sits
/// in one clipped group, <c>g.viewport</c>, so the page can zoom it while the legends stay put. The same markup
/// works inline and as a downloaded file; a file (standalone) also carries the map's title above the map and a
/// credit line under it. The site's downloads and `gocart generate --svg` both draw with it.
/// </summary>
public static class MapSvg
{
    /// <summary>The id of the result view's text that tells keyboard users how to move through a map.</summary>
    public const string KeyboardHelpId = "map-keys";

    /// <summary>The line under every downloaded map: what made it and the method it follows.</summary>
    public const string Credit = "Made with GoCart · flow-based cartogram (Gastner, Seguy & More, PNAS 2018)";

    public const double TitleHeight = 26;

    public const double CreditHeight = 16;

    public static string Render(MapPicture picture, bool standalone)
    {
        var frame = picture.Frame;
        var top = standalone ? TitleHeight : 0;
        var height = top + frame.Height + picture.ColourBandHeight + (standalone ? CreditHeight : 0);
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
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="title" x="{N(MapFrame.Margin)}" y="18" font-family="system-ui, sans-serif" font-size="15" font-weight="600" fill="#1d2330">{E(picture.Title)}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<g transform="translate(0 {N(top)})">""");
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<clipPath id="{picture.Id}-clip"><rect width="{N(frame.Width)}" height="{N(frame.Height)}"/></clipPath>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<g clip-path="url(#{picture.Id}-clip)"><g class="viewport">""");
        AppendBackground(svg, picture);
        AppendRegions(svg, picture, standalone);
        AppendGrid(svg, picture, standalone);
        LayerSvg.Append(svg, picture);
        InsetSvg.Append(svg, picture);
        AppendLabels(svg, picture);
        svg.Append("</g></g>");
        AppendLegend(svg, picture);
        ColourLegendSvg.Append(svg, picture);
        if (standalone)
        {
            svg.Append("</g>");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="credit" x="{N(frame.Width - MapFrame.Margin)}" y="{N(height - 4)}" font-family="system-ui, sans-serif" font-size="10" text-anchor="end" fill="#5b6474">{E(picture.Credit ?? Credit)}</text>""");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void AppendBackground(StringBuilder svg, MapPicture picture)
    {
        if (picture.Background.Count == 0)
        {
            return;
        }

        svg.Append("""<g class="background" fill="#e6e9ef" stroke="#c4cad6" stroke-width="0.5" aria-hidden="true">""");
        foreach (var geometry in picture.Background)
        {
            svg.Append("<path fill-rule=\"evenodd\" d=\"").Append(SvgPaths.Path(geometry, picture.Frame)).Append("\"/>");
        }

        svg.Append("</g>");
    }

    private static void AppendRegions(StringBuilder svg, MapPicture picture, bool standalone)
    {
        svg.Append("""<g class="regions" stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round">""");
        for (var i = 0; i < picture.Geometries.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<path data-i="{i}" fill="{E(picture.Fills[i])}" fill-rule="evenodd" """);
            if (!standalone)
            {
                // One tab stop per map (a roving tabindex): result.js moves it with the arrow keys.
                svg.Append(i == 0 ? """tabindex="0" """ : """tabindex="-1" """);
            }

            svg.Append("d=\"").Append(SvgPaths.Path(picture.Geometries[i], picture.Frame)).Append("\"><title>")
                .Append(E(picture.Names[i])).Append("</title></path>");
        }

        svg.Append("</g>");
    }

    private static void AppendLabels(StringBuilder svg, MapPicture picture)
    {
        svg.Append("""<g class="labels" aria-hidden="true" font-family="system-ui, sans-serif" text-anchor="middle" fill="#1d2330" pointer-events="none">""");
        foreach (var label in LabelPlacer.Place(picture.Geometries, picture.Labels, picture.Frame))
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text data-i="{label.Region}" x="{N(label.X)}" y="{N(label.Y + (label.FontSize * 0.35))}" font-size="{N(label.FontSize)}">{E(label.Text)}</text>""");
        }

        svg.Append("</g>");
    }

    private static void AppendLegend(StringBuilder svg, MapPicture picture)
    {
        if (picture.Legend is not { } legend)
        {
            return;
        }

        var x = MapFrame.Margin + 2;
        var y = picture.Frame.Height - MapFrame.Margin - legend.Side - 2;
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="legend" data-quantity="{legend.Quantity.ToString("R", CultureInfo.InvariantCulture)}" data-side="{N(legend.Side)}" data-unit="{E(legend.Unit)}" data-bottom="{N(y + legend.Side)}" font-family="system-ui, sans-serif" font-size="12" fill="#1d2330">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(x)}" y="{N(y)}" width="{N(legend.Side)}" height="{N(legend.Side)}" fill="#ffffff" fill-opacity="0.6" stroke="#1d2330" stroke-width="1"/><text x="{N(x + legend.Side + 6)}" y="{N(y + (legend.Side / 2) + 4)}">{E(legend.Text)}</text></g>""");
    }

    private static void AppendGrid(StringBuilder svg, MapPicture picture, bool standalone)
    {
        if (picture.Legend is not { } legend || (standalone && !picture.Grid.Shown))
        {
            return;
        }

        var id = picture.Id + "-grid";
        var opacity = N(Math.Clamp(picture.Grid.Opacity, 0, 1));
        svg.Append(CultureInfo.InvariantCulture, $"""<defs><pattern id="{id}" width="{N(legend.Side)}" height="{N(legend.Side)}" patternUnits="userSpaceOnUse"><path d="M{N(legend.Side)} 0H0V{N(legend.Side)}" fill="none" stroke="#5b6474" stroke-opacity="{opacity}" stroke-width="0.6"/></pattern></defs>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect class="grid{(picture.Grid.Shown ? " on" : "")}" width="{N(picture.Frame.Width)}" height="{N(picture.Frame.Height)}" fill="url(#{id})" pointer-events="none"/>""");
    }

    private static string N(double value) => SvgPaths.Number(value);

    private static string E(string text) => SecurityElement.Escape(text) ?? "";
}
