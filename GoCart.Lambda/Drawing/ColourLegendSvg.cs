using System.Globalization;
using System.Security;
using System.Text;

namespace GoCart.Lambda.Drawing;

/// <summary>The colour key in the band under the map: its title (column and unit), then a swatch per class with its range.</summary>
public static class ColourLegendSvg
{
    public static void Append(StringBuilder svg, MapPicture picture)
    {
        if (picture.ColourLegend is not { } legend)
        {
            return;
        }

        var top = picture.Frame.Height;
        var width = (picture.Frame.Width - (2 * MapFrame.Margin)) / Math.Max(1, legend.Entries.Count);
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="colour-legend" font-family="system-ui, sans-serif" font-size="10" fill="#1d2330"><text x="{N(MapFrame.Margin)}" y="{N(top + 11)}" font-weight="600">{E(legend.Title)}</text>""");
        for (var k = 0; k < legend.Entries.Count; k++)
        {
            var x = MapFrame.Margin + (k * width);
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(x)}" y="{N(top + 15)}" width="{N(width - 2)}" height="9" fill="{E(legend.Entries[k].Fill)}"/><text x="{N(x)}" y="{N(top + 35)}">{E(legend.Entries[k].Text)}</text>""");
        }

        svg.Append("</g>");
    }

    private static string N(double value) => SvgPaths.Number(value);

    private static string E(string text) => SecurityElement.Escape(text) ?? "";
}
