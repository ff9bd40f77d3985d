using GoCart.Lambda.Drawing;
using SkiaSharp;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>A <see cref="MapPicture"/> as a PNG, drawn by <see cref="MapCanvas"/> at twice the picture's size.</summary>
public static class MapPng
{
    private const float PixelRatio = 2;

    public static byte[] Render(MapPicture picture)
    {
        var size = MapCanvas.Size(picture);
        using var surface = SKSurface.Create(new SKImageInfo((int)Math.Ceiling(size.Width * PixelRatio), (int)Math.Ceiling(size.Height * PixelRatio)));
        surface.Canvas.Scale(PixelRatio);
        MapCanvas.Draw(surface.Canvas, picture);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
