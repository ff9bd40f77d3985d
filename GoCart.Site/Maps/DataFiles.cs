using GoCart.Lambda.Geo;

namespace GoCart.Site.Maps;

/// <summary>
/// Reads user data: CSV files (any delimiter, quoted or not, UTF-8 or a legacy encoding), Excel workbooks
/// (.xlsx and .xls, the first sheet or a chosen one) and cells pasted from a spreadsheet. Problems come back
/// as <see cref="MapInputException"/> with the line and region to fix.
/// </summary>
public static class DataFiles
{
    /// <summary>The header given to pasted cells that have none: region, then the value column's name.</summary>
    public const string PastedRegionHeader = "Region";

    public static UploadedData Read(Stream content, string fileName, string? column, string? sheet = null)
    {
        if (IsWorkbook(fileName))
        {
            var (csv, sheets, chosen) = WorkbookReader.ToCsv(content, sheet);
            try
            {
                return FromCsv(csv, column) with { Sheets = sheets, Sheet = chosen };
            }
            catch (MapInputException exception) when (sheets.Count > 1)
            {
                throw new MapInputException($"In the sheet \"{chosen}\": {exception.Message} The workbook's sheets are {string.Join(", ", sheets.Select(s => $"\"{s}\""))}; type the one to read under \"Sheet to read\" and load the file again.", exception) { Region = exception.Region };
            }
        }

        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return FromCsv(TableText.Decode(buffer.ToArray()), column);
    }

    public static UploadedData FromCsv(string text, string? column)
    {
        var data = RegionDataCsv.Parse(text, column);
        return new UploadedData([.. data.Rows.Select(r => new DataRow(r.Id, r.Value, r.Colour, r.Inset, r.Label))], data.ValueColumns, data.ValueColumn) { Csv = text };
    }

    /// <summary>
    /// Cells copied from a spreadsheet arrive as tab-separated lines, with or without their header row. Without
    /// one (the second cell of the first line is a number), the columns are the region and the value, named
    /// by <paramref name="valueColumn"/> (what the page's "What the numbers are" field says) or "Value".
    /// </summary>
    public static UploadedData FromPasted(string text, string? column, string? valueColumn)
    {
        var firstLine = text.Split('\n', 2)[0].TrimEnd('\r');
        var cells = firstLine.Split('\t');
        var headerless = cells.Length >= 2 && !TableNumber.IsMissing(cells[1]) && TableNumber.TryParse(cells[1], false, out _);
        var name = valueColumn is { Length: > 0 } given ? given.Trim() : Cartograms.CartogramApi.DefaultColumn;
        return FromCsv(headerless ? $"{PastedRegionHeader}\t\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n{text}" : text, headerless ? null : column);
    }

    private static bool IsWorkbook(string fileName) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase);
}
