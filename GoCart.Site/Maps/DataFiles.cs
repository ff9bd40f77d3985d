using System.Text;
using GoCart.Lambda.Geo;

namespace GoCart.Site.Maps;

/// <summary>
/// Reads user data files: CSV (comma, semicolon or tab; UTF-8 with or without BOM; quoted fields) and XLSX (the
/// first sheet). Problems come back as <see cref="MapInputException"/> with the line and region to fix.
/// </summary>
public static class DataFiles
{
    public static UploadedData Read(Stream content, string fileName, string? column)
    {
        var text = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? Xlsx.ToCsv(content) : ReadText(content);
        return FromCsv(text, column);
    }

    public static UploadedData FromCsv(string text, string? column)
    {
        var data = RegionDataCsv.Parse(text, column);
        return new UploadedData([.. data.Rows.Select(r => new DataRow(r.Id, r.Value, r.Colour, r.Inset, r.Label))], data.ValueColumns, data.ValueColumn);
    }

    private static string ReadText(Stream content)
    {
        using var reader = new StreamReader(content, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            throw new MapInputException("The file is not UTF-8 text. Save it as \"CSV UTF-8\" (or upload the Excel file itself).");
        }
    }
}
