using System.Globalization;
using System.Text;
using GoCart.Site.Maps;

namespace GoCart.Site.Cartograms;

/// <summary>A dataset's table as CSV (UTF-8 with a byte-order mark, missing values as NA), ready to upload again.</summary>
public static class DataCsv
{
    public static byte[] Write(DatasetTable table)
    {
        var csv = new StringBuilder();
        var values = table.Header.Count - 4;
        csv.AppendJoin(',', table.Header.Select(CsvText.Quote)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            csv.AppendJoin(',', row.Select((cell, i) => cell switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                null when i >= 1 && i <= values => "NA",
                null => "",
                _ => CsvText.Quote(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? ""),
            })).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
