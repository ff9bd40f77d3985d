using System.Globalization;
using System.Text;
using GoCart.Site.Maps;

namespace GoCart.Site.Cartograms;

/// <summary>A submission's data as CSV in the library's layout, ready to upload again.</summary>
public static class DataCsv
{
    public static byte[] Write(CartogramSubmission submission)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', new[] { submission.RegionIdProperty, submission.ValueColumn, "Color", "Inset", "Label" }.Select(CsvText.Quote)).Append("\r\n");
        foreach (var row in submission.Rows)
        {
            csv.Append(CsvText.Quote(row.Id)).Append(',')
                .Append(row.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "NA").Append(',')
                .Append(row.Colour ?? "").Append(',')
                .Append(row.Inset ?? "").Append(',')
                .Append(CsvText.Quote(row.Label ?? "")).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
