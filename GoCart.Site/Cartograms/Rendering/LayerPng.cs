using GoCart.Lambda.Drawing;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>Draws a picture's layers on a PNG canvas as <see cref="LayerSvg"/> does in SVG: lines, then dots.</summary>
public static class LayerPng
{
    public static void Draw(SKCanvas canvas, MapPicture picture)
    {
        if (picture.Layers.Count == 0)
        {
            return;
        }

        var frame = picture.Frame;
        using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = SKColor.Parse(LayerSvg.LineColour), StrokeWidth = 1.4f, StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round };
        using var dot = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = SKColor.Parse(LayerSvg.PointColour) };
        foreach (var feature in picture.Layers.OrderBy(f => f.IsPoint))
        {
            for (var g = 0; g < feature.Geometry.NumGeometries; g++)
            {
                var part = feature.Geometry.GetGeometryN(g);
                if (part is Point point)
                {
                    canvas.DrawCircle((float)frame.X(point.X), (float)frame.Y(point.Y), (float)feature.Radius, dot);
                    continue;
                }

                using var path = new SKPath();
                var coordinates = part.Coordinates;
                path.MoveTo((float)frame.X(coordinates[0].X), (float)frame.Y(coordinates[0].Y));
                foreach (var c in coordinates.Skip(1))
                {
                    path.LineTo((float)frame.X(c.X), (float)frame.Y(c.Y));
                }

                canvas.DrawPath(path, line);
            }
        }
    }
}
