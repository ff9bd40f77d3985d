using System.Globalization;
using System.Security;
using System.Text;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Drawing;

/// <summary>Each inset framed by divider lines (a thin rectangle round its regions) and named in its top-left corner.</summary>
public static class InsetSvg
{
    public const double Padding = 4;

    public static void Append(StringBuilder svg, MapPicture picture)
    {
        if (picture.Insets.Count == 0)
        {
            return;
        }

        svg.Append("""<g class="insets" fill="none" stroke="#8a94a6" stroke-width="0.8" font-family="system-ui, sans-serif" font-size="10" pointer-events="none">""");
        foreach (var inset in picture.Insets)
        {
            if (Box(picture, inset) is not { } box)
            {
                continue;
            }

            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(box.MinX)}" y="{N(box.MinY)}" width="{N(box.Width)}" height="{N(box.Height)}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(box.MinX + 2)}" y="{N(box.MinY + 10)}" stroke="none" fill="#5b6474">{SecurityElement.Escape(inset.Name)}</text>""");
        }

        svg.Append("</g>");
    }

    /// <summary>The inset's frame in the picture (y down): its regions' envelope with some padding, kept inside the picture.</summary>
    public static Envelope? Box(MapPicture picture, PictureInset inset)
    {
        var envelope = new Envelope();
        foreach (var i in inset.Regions)
        {
            envelope.ExpandToInclude(picture.Geometries[i].EnvelopeInternal);
        }

        if (envelope.IsNull)
        {
            return null;
        }

        var frame = picture.Frame;
        return new Envelope(
            Math.Max(0.5, frame.X(envelope.MinX) - Padding), Math.Min(frame.Width - 0.5, frame.X(envelope.MaxX) + Padding),
            Math.Max(0.5, frame.Y(envelope.MaxY) - Padding - 10), Math.Min(frame.Height - 0.5, frame.Y(envelope.MinY) + Padding));
    }

    private static string N(double value) => SvgPaths.Number(value);
}
