using GoCart.Lambda.Drawing;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// Draws a <see cref="MapPicture"/> as a PNG with SkiaSharp at twice the picture's size: the same fills, white
/// borders, labels and legend as the SVG, in the DejaVu Sans font shipped with the site (no system fonts needed).
/// </summary>
public static class MapPng
{
    private const float PixelRatio = 2;
    private static readonly Lazy<SKTypeface> Font = new(() =>
        SKTypeface.FromFile(System.IO.Path.Combine(AppContext.BaseDirectory, "Fonts", "DejaVuSans.ttf")) ?? SKTypeface.Default);

    public static byte[] Render(MapPicture picture)
    {
        var frame = picture.Frame;
        var info = new SKImageInfo((int)Math.Ceiling(frame.Width * PixelRatio), (int)Math.Ceiling(frame.Height * PixelRatio));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(PixelRatio);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = SKColors.White, StrokeWidth = 0.6f, StrokeJoin = SKStrokeJoin.Round };
        for (var i = 0; i < picture.Geometries.Count; i++)
        {
            using var path = Path(picture.Geometries[i], frame);
            fill.Color = SKColor.TryParse(picture.Fills[i], out var colour) ? colour : SKColors.LightGray;
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, stroke);
        }

        LayerPng.Draw(canvas, picture);
        using var ink = new SKPaint { IsAntialias = true, Color = SKColor.Parse("#1d2330") };
        using var labelFont = new SKFont(Font.Value, 11);
        for (var i = 0; i < picture.Geometries.Count; i++)
        {
            if (picture.Labels[i] is { Length: > 0 } label && MapSvg.LabelPosition(picture.Geometries[i], label, frame) is { } point)
            {
                canvas.DrawText(label, (float)point.X, (float)point.Y + 4, SKTextAlign.Center, labelFont, ink);
            }
        }

        if (picture.Legend is { } legend)
        {
            var x = (float)MapFrame.Margin + 2;
            var y = (float)(frame.Height - MapFrame.Margin - legend.Side - 2);
            using var outline = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = ink.Color, StrokeWidth = 1 };
            canvas.DrawRect(x, y, (float)legend.Side, (float)legend.Side, outline);
            using var legendFont = new SKFont(Font.Value, 12);
            canvas.DrawText(legend.Text, x + (float)legend.Side + 6, y + ((float)legend.Side / 2) + 4, SKTextAlign.Left, legendFont, ink);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static SKPath Path(Geometry geometry, MapFrame frame)
    {
        var path = new SKPath { FillType = SKPathFillType.EvenOdd };
        for (var g = 0; g < geometry.NumGeometries; g++)
        {
            if (geometry.GetGeometryN(g) is not Polygon polygon)
            {
                continue;
            }

            foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
            {
                var points = ring.CoordinateSequence;
                for (var k = 0; k < points.Count; k++)
                {
                    var x = (float)frame.X(points.GetX(k));
                    var y = (float)frame.Y(points.GetY(k));
                    if (k == 0)
                    {
                        path.MoveTo(x, y);
                    }
                    else
                    {
                        path.LineTo(x, y);
                    }
                }

                path.Close();
            }
        }

        return path;
    }
}
