using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GoCart.Lambda.Geo;

namespace GoCart.Site.Maps;

/// <summary>Excel workbooks in and out: the first sheet read as CSV text, and a one-sheet template written.</summary>
public static class Xlsx
{
    private const int MaxRows = 100_000;
    private const int MaxCsvCharacters = 20_000_000;

    /// <summary>The first worksheet as comma-separated text with every field quoted.</summary>
    public static string ToCsv(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        buffer.Position = 0;
        try
        {
            return FirstSheet(buffer);
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or FileFormatException
            or System.Xml.XmlException or InvalidOperationException or NotSupportedException or IOException)
        {
            throw new MapInputException("The file is not a readable Excel workbook (.xlsx): it may be damaged, password-protected or another format. Save it again from your spreadsheet program, or upload CSV.");
        }
    }

    private static string FirstSheet(Stream buffer)
    {
        using (var document = SpreadsheetDocument.Open(buffer, false))
        {
            var workbook = document.WorkbookPart ?? throw new MapInputException("The Excel file has no workbook.");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new MapInputException("The Excel file has no sheet.");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var csv = new StringBuilder();
            var rows = 0;
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                // A workbook inflates from a small upload: stop long before a sheet could exhaust memory.
                if (++rows > MaxRows || csv.Length > MaxCsvCharacters)
                {
                    throw new MapInputException($"The sheet is larger than GoCart reads ({MaxRows:N0} rows at most; maps have at most {Lambda.Geo.MapReadLimits.Default.MaxRegions:N0} regions). Keep one row per region.");
                }

                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var index = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < index)
                    {
                        cells.Add("");
                    }

                    cells.Add(Text(cell, shared));
                }

                if (cells.Any(c => c.Length > 0))
                {
                    csv.AppendJoin(',', cells.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append('\n');
                }
            }

            return csv.ToString();
        }
    }

    /// <summary>A workbook with one sheet holding the given table (numbers stay numbers).</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(header.Cast<object?>().ToList()));
            foreach (var row in rows)
            {
                data.Append(Row(row));
            }

            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }

        return buffer.ToArray();
    }

    private static Row Row(IReadOnlyList<object?> values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.Append(value switch
            {
                double d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
                null => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("")) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")) },
            });
        }

        return row;
    }

    private static string Text(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        return raw;
    }

    /// <summary>The zero-based column of a reference such as "C7".</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
