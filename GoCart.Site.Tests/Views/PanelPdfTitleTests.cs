using GoCart.Lambda.Drawing;
using GoCart.Site.Cartograms.Rendering;
using NetTopologySuite.Geometries;
using UglyToad.PdfPig;

namespace GoCart.Site.Tests.Views;

/// <summary>
/// A panel's PDF with a title far wider than the page: read back with a PDF parser, every word of it is on the
/// page and every letter lies within the page's width (wrapped onto the title band's lines, smaller); a short title
/// stays on one line at full size.
/// </summary>
public sealed class PanelPdfTitleTests
{
    private const string LongTitle = "Cartogram: Number of residents aged sixty-five and over living alone in private households (people, census of 2021)";

    [Fact]
    public void A_long_title_is_wrapped_inside_the_page()
    {
        using var pdf = PdfDocument.Open(MapPdf.Render(Picture(LongTitle)));
        var page = Assert.Single(pdf.GetPages());
        var titleWords = page.GetWords().Where(w => w.BoundingBox.Bottom > page.Height - MapSvg.TitleHeight).ToList();

        Assert.Equal(LongTitle.Split(' '), titleWords.OrderByDescending(w => Math.Round(w.BoundingBox.Bottom)).ThenBy(w => w.BoundingBox.Left).Select(w => w.Text));
        Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, page.Width));
        Assert.Equal(2, titleWords.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count());
        Assert.All(titleWords, w => Assert.True(w.BoundingBox.Top <= page.Height, $"\"{w.Text}\" goes above the page"));
        Assert.Equal(LongTitle, pdf.Information.Title);
    }

    [Fact]
    public void A_title_too_long_for_two_lines_ends_with_an_ellipsis_inside_the_page()
    {
        var title = string.Join(' ', Enumerable.Repeat(LongTitle, 4));

        using var pdf = PdfDocument.Open(MapPdf.Render(Picture(title)));
        var page = pdf.GetPage(1);

        Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, page.Width));
        Assert.Contains(page.GetWords(), w => w.Text.EndsWith('…'));
        Assert.Contains("Cartogram: Number of residents", string.Join(' ', page.GetWords().Select(w => w.Text)));
    }

    [Fact]
    public void A_short_title_stays_on_one_line_at_full_size()
    {
        var (size, lines) = CanvasTitle.Fit("Cartogram: GDP (million USD)", SkiaSharp.SKTypeface.Default, 628, (float)MapSvg.TitleHeight);

        Assert.Equal(CanvasTitle.FullSize, size);
        Assert.Equal(["Cartogram: GDP (million USD)"], lines);
    }

    private static MapPicture Picture(string title)
    {
        var square = new GeometryFactory().CreatePolygon([new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]);
        var frame = MapFrame.Fit(square.EnvelopeInternal, 320);
        return new MapPicture("panel-1", title, [square], frame, ["#4c78a8"], ["Square"], [null], null);
    }
}
