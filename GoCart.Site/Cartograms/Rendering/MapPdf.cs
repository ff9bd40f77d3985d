using GoCart.Lambda.Drawing;
using SkiaSharp;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// A <see cref="MapPicture"/> as a one-page PDF of vector paths and embedded text (SkiaSharp's PDF backend), drawn
/// by <see cref="MapCanvas"/> as the PNG is: one picture unit is one PDF point, so a 640-unit panel is a page
/// 640 pt wide; the title is the document's title.
/// </summary>
public static class MapPdf
{
    public static byte[] Render(MapPicture picture)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata { Title = picture.Title, Creator = "GoCart", Producer = "GoCart" };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var size = MapCanvas.Size(picture);
            MapCanvas.Draw(document.BeginPage(size.Width, size.Height), picture);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }
}
