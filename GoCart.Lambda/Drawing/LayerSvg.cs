using System.Globalization;
using System.Security;
using System.Text;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Drawing;

/// <summary>
/// Draws a picture's layers over its regions: lines as open paths, points as round dots (a zero-length path with a
/// round cap, so that a point's path has the same numbers on both maps and the morph moves it like a border).
/// Each feature is a path with data-l (its index, the same on both maps), data-label for the tooltip and a title.
/// </summary>
public static class LayerSvg
{
    public const string PointColour = "#b2182b";
    public const string LineColour = "#1d2330";

    public static void Append(StringBuilder svg, MapPicture picture)
    {
        if (picture.Layers.Count == 0)
        {
            return;
        }

        svg.Append("""<g class="layers" fill="none" stroke-linecap="round" stroke-linejoin="round">""");
        for (var k = 0; k < picture.Layers.Count; k++)
        {
            var feature = picture.Layers[k];
            var title = SecurityElement.Escape(feature.Title) ?? "";
            var stroke = feature.IsPoint
                ? string.Create(CultureInfo.InvariantCulture, $"""class="layer-point" stroke="{PointColour}" stroke-width="{SvgPaths.Number(2 * feature.Radius)}" """)
                : $"""class="layer-line" stroke="{LineColour}" stroke-width="1.4" """;
            svg.Append(CultureInfo.InvariantCulture, $"""<path data-l="{k}" data-label="{title}" {stroke}""");
            svg.Append("d=\"").Append(Path(feature.Geometry, picture.Frame)).Append("\"><title>").Append(title).Append("</title></path>");
        }

        svg.Append("</g>");
    }

    public static string Path(Geometry geometry, MapFrame frame)
    {
        var d = new StringBuilder();
        for (var g = 0; g < geometry.NumGeometries; g++)
        {
            var part = geometry.GetGeometryN(g);
            var coordinates = part.Coordinates;
            for (var i = 0; i < coordinates.Length; i++)
            {
                d.Append(i == 0 ? 'M' : ' ').Append(SvgPaths.Number(frame.X(coordinates[i].X))).Append(' ').Append(SvgPaths.Number(frame.Y(coordinates[i].Y)));
            }

            if (part is Point)
            {
                d.Append("h0");
            }
        }

        return d.ToString();
    }
}
