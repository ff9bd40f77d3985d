using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GoCart.Site.Maps;

/// <summary>Excel workbooks out: a one-sheet template (<see cref="WorkbookReader"/> reads uploads).</summary>
public static class Xlsx
{
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
}
