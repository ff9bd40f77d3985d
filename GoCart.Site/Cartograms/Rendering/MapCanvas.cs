using GoCart.Lambda.Drawing;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// Draws a <see cref="MapPicture"/> on a SkiaSharp canvas, for the PNG and PDF files, laid out as the standalone
/// SVG is: title, the faint background map, fills with white borders, grid if shown, layers, framed insets, placed
/// labels, area legend, colour key and credit line, in the DejaVu Sans font shipped with the site (no system
/// fonts needed). Sizes are in picture units (the SVG's).
/// </summary>
public static class MapCanvas
{
    private static readonly Lazy<SKTypeface> Font = new(() =>
        SKTypeface.FromFile(System.IO.Path.Combine(AppContext.BaseDirectory, "Fonts", "DejaVuSans.ttf")) ?? SKTypeface.Default);

    private static readonly SKColor Ink = SKColor.Parse("#1d2330");
    private static readonly SKColor Muted = SKColor.Parse("#5b6474");

    /// <summary>The whole picture's size: the map with its title band above and its colour key and credit bands below.</summary>
    public static SKSize Size(MapPicture picture) =>
        new((float)picture.Frame.Width, (float)(MapSvg.TitleHeight + picture.Frame.Height + picture.ColourBandHeight + MapSvg.CreditHeight));

    public static void Draw(SKCanvas canvas, MapPicture picture)
    {
        var frame = picture.Frame;
        var height = Size(picture).Height;
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { IsAntialias = true, Color = Ink };
        using var muted = new SKPaint { IsAntialias = true, Color = Muted };
        DrawTitle(canvas, picture, ink);
        canvas.Save();
        canvas.Translate(0, (float)MapSvg.TitleHeight);
        canvas.ClipRect(new SKRect(0, 0, (float)frame.Width, (float)frame.Height));
        DrawBackground(canvas, picture);
        DrawRegions(canvas, picture);
        DrawGrid(canvas, picture);
        LayerPng.Draw(canvas, picture);
        DrawInsets(canvas, picture, muted);
        foreach (var label in LabelPlacer.Place(picture.Geometries, picture.Labels, frame))
        {
            using var labelFont = new SKFont(Font.Value, (float)label.FontSize);
            canvas.DrawText(label.Text, (float)label.X, (float)(label.Y + (label.FontSize * 0.35)), SKTextAlign.Center, labelFont, ink);
        }

        DrawLegend(canvas, picture, ink);
        canvas.Restore();
        canvas.Save();
        canvas.Translate(0, (float)(MapSvg.TitleHeight + frame.Height));
        DrawColourLegend(canvas, picture, ink);
        canvas.Restore();
        using var creditFont = new SKFont(Font.Value, 10);
        canvas.DrawText(picture.Credit ?? MapSvg.Credit, (float)(frame.Width - MapFrame.Margin), height - 4, SKTextAlign.Right, creditFont, muted);
    }

    /// <summary>The title in its band, wrapped or made smaller when it is wider than the picture (<see cref="CanvasTitle"/>).</summary>
    private static void DrawTitle(SKCanvas canvas, MapPicture picture, SKPaint ink)
    {
        var width = (float)(picture.Frame.Width - (2 * MapFrame.Margin));
        var band = (float)MapSvg.TitleHeight;
        var (size, lines) = CanvasTitle.Fit(picture.Title, Font.Value, width, band);
        using var font = CanvasTitle.Font(Font.Value, size);
        for (var k = 0; k < lines.Count; k++)
        {
            canvas.DrawText(lines[k], (float)MapFrame.Margin, CanvasTitle.Baseline(k, lines.Count, size, band), SKTextAlign.Left, font, ink);
        }
    }

    private static void DrawBackground(SKCanvas canvas, MapPicture picture)
    {
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = SKColor.Parse("#e6e9ef") };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = SKColor.Parse("#c4cad6"), StrokeWidth = 0.5f };
        foreach (var geometry in picture.Background)
        {
            using var path = Path(geometry, picture.Frame);
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, stroke);
        }
    }

    private static void DrawRegions(SKCanvas canvas, MapPicture picture)
    {
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = SKColors.White, StrokeWidth = 0.6f, StrokeJoin = SKStrokeJoin.Round };
        for (var i = 0; i < picture.Geometries.Count; i++)
        {
            using var path = Path(picture.Geometries[i], picture.Frame);
            fill.Color = SKColor.TryParse(picture.Fills[i], out var colour) ? colour : SKColors.LightGray;
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, stroke);
        }
    }

    private static void DrawGrid(SKCanvas canvas, MapPicture picture)
    {
        if (!picture.Grid.Shown || picture.Legend is not { } legend)
        {
            return;
        }

        var alpha = (byte)Math.Round(255 * Math.Clamp(picture.Grid.Opacity, 0, 1));
        using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = Muted.WithAlpha(alpha), StrokeWidth = 0.6f };
        for (var x = legend.Side; x < picture.Frame.Width; x += legend.Side)
        {
            canvas.DrawLine((float)x, 0, (float)x, (float)picture.Frame.Height, line);
        }

        for (var y = legend.Side; y < picture.Frame.Height; y += legend.Side)
        {
            canvas.DrawLine(0, (float)y, (float)picture.Frame.Width, (float)y, line);
        }
    }

    private static void DrawInsets(SKCanvas canvas, MapPicture picture, SKPaint muted)
    {
        using var frame = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = SKColor.Parse("#8a94a6"), StrokeWidth = 0.8f };
        using var font = new SKFont(Font.Value, 10);
        foreach (var inset in picture.Insets)
        {
            if (InsetSvg.Box(picture, inset) is { } box)
            {
                canvas.DrawRect((float)box.MinX, (float)box.MinY, (float)box.Width, (float)box.Height, frame);
                canvas.DrawText(inset.Name, (float)box.MinX + 2, (float)box.MinY + 10, SKTextAlign.Left, font, muted);
            }
        }
    }

    private static void DrawLegend(SKCanvas canvas, MapPicture picture, SKPaint ink)
    {
        if (picture.Legend is not { } legend)
        {
            return;
        }

        var x = (float)MapFrame.Margin + 2;
        var y = (float)(picture.Frame.Height - MapFrame.Margin - legend.Side - 2);
        using var outline = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = ink.Color, StrokeWidth = 1 };
        canvas.DrawRect(x, y, (float)legend.Side, (float)legend.Side, outline);
        using var legendFont = new SKFont(Font.Value, 12);
        canvas.DrawText(legend.Text, x + (float)legend.Side + 6, y + ((float)legend.Side / 2) + 4, SKTextAlign.Left, legendFont, ink);
    }

    private static void DrawColourLegend(SKCanvas canvas, MapPicture picture, SKPaint ink)
    {
        if (picture.ColourLegend is not { } legend)
        {
            return;
        }

        using var font = new SKFont(Font.Value, 10);
        using var bold = new SKFont(Font.Value, 10) { Embolden = true };
        canvas.DrawText(legend.Title, (float)MapFrame.Margin, 11, SKTextAlign.Left, bold, ink);
        var width = (picture.Frame.Width - (2 * MapFrame.Margin)) / Math.Max(1, legend.Entries.Count);
        using var swatch = new SKPaint { Style = SKPaintStyle.Fill };
        for (var k = 0; k < legend.Entries.Count; k++)
        {
            var x = (float)(MapFrame.Margin + (k * width));
            swatch.Color = SKColor.TryParse(legend.Entries[k].Fill, out var colour) ? colour : SKColors.LightGray;
            canvas.DrawRect(x, 15, (float)width - 2, 9, swatch);
            canvas.DrawText(legend.Entries[k].Text, x, 35, SKTextAlign.Left, font, ink);
        }
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
