using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Drawing;

/// <summary>
/// Where planar map coordinates (y up) land in a picture (y down): a uniform scale and an offset that centres
/// the map's envelope in a box of the given size with a margin.
/// </summary>
public sealed record MapFrame(Envelope Envelope, double Scale, double OffsetX, double OffsetY, double Width, double Height)
{
    public const double Margin = 6;

    /// <summary>A frame of the given width, tall enough for the map.</summary>
    public static MapFrame Fit(Envelope envelope, double width) =>
        Fit(envelope, width, (envelope.Height * (width - (2 * Margin)) / Math.Max(envelope.Width, 1e-9)) + (2 * Margin));

    /// <summary>A frame of fixed size; the map is as large as fits and centred.</summary>
    public static MapFrame Fit(Envelope envelope, double width, double height)
    {
        var scale = Math.Min((width - (2 * Margin)) / Math.Max(envelope.Width, 1e-9), (height - (2 * Margin)) / Math.Max(envelope.Height, 1e-9));
        var offsetX = (width - (envelope.Width * scale)) / 2;
        var offsetY = (height - (envelope.Height * scale)) / 2;
        return new MapFrame(envelope, scale, offsetX, offsetY, width, height);
    }

    public static Envelope EnvelopeOf(IEnumerable<Geometry> geometries)
    {
        var envelope = new Envelope();
        foreach (var geometry in geometries)
        {
            envelope.ExpandToInclude(geometry.EnvelopeInternal);
        }

        return envelope;
    }

    public double X(double x) => ((x - Envelope.MinX) * Scale) + OffsetX;

    public double Y(double y) => ((Envelope.MaxY - y) * Scale) + OffsetY;
}
