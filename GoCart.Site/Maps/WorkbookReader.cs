using System.Globalization;
using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using GoCart.Lambda.Geo;

namespace GoCart.Site.Maps;

/// <summary>
/// Excel workbooks in: .xlsx and legacy .xls (ExcelDataReader, which tells them apart by their content), the
/// first sheet or the one named, read as CSV text for <see cref="RegionDataCsv"/>, with the sheet names so
/// the page can offer the others. Numbers keep every digit; dates and booleans come as text.
/// </summary>
public static class WorkbookReader
{
    private const int MaxRows = 100_000;
    private const int MaxCsvCharacters = 20_000_000;

    static WorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string Csv, IReadOnlyList<string> Sheets, string Sheet) ToCsv(Stream content, string? sheet)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        buffer.Position = 0;
        try
        {
            using var reader = ExcelReaderFactory.CreateReader(buffer);
            var names = new List<string>();
            var csv = (string?)null;
            var chosen = "";
            do
            {
                names.Add(reader.Name);
                if (csv is null && (sheet is not { Length: > 0 } || reader.Name.Equals(sheet.Trim(), StringComparison.OrdinalIgnoreCase)))
                {
                    (csv, chosen) = (Sheet(reader), reader.Name);
                }
            }
            while (reader.NextResult());

            return csv is null
                ? throw new MapInputException($"The workbook has no sheet \"{sheet}\"; its sheets are: {string.Join(", ", names.Select(n => $"\"{n}\""))}.")
                : (csv, names, chosen);
        }
        catch (Exception exception) when (exception is ExcelReaderException or InvalidDataException or IOException or InvalidOperationException
            or NotSupportedException or ArgumentException or System.Xml.XmlException or IndexOutOfRangeException or FormatException)
        {
            throw new MapInputException(exception is InvalidPasswordException
                ? "The workbook is password-protected. Save a copy without the password (or export the sheet as CSV) and upload that."
                : "The file is not a readable Excel workbook (.xlsx or .xls): it may be damaged or another format. Save it again from your spreadsheet program, or upload CSV.");
        }
    }

    private static string Sheet(IExcelDataReader reader)
    {
        var csv = new StringBuilder();
        var rows = 0;
        while (reader.Read())
        {
            // A workbook inflates from a small upload: stop long before a sheet could exhaust memory.
            if (++rows > MaxRows || csv.Length > MaxCsvCharacters)
            {
                throw new MapInputException($"The sheet \"{reader.Name}\" is larger than GoCart reads ({MaxRows:N0} rows at most; maps have at most {MapReadLimits.Default.MaxRegions:N0} regions). Keep one row per region.");
            }

            var cells = Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.GetValue(i))).ToList();
            if (cells.Any(c => c.Length > 0))
            {
                csv.AppendJoin(',', cells.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append('\n');
            }
        }

        return csv.ToString();
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
