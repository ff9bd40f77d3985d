using System.Globalization;
using System.Text;

namespace GoCart.Site.Maps;

/// <summary>
/// A map's data template as CSV and XLSX: the id column headed by the map's id property, a readable name, the
/// default data (so the file is a working example to overwrite), and the optional Color, Inset and Label columns.
/// </summary>
public static class Templates
{
    public static IReadOnlyList<string> Header(LibraryMap map) => [map.IdProperty, "Name", map.Data.ValueColumn, "Color", "Inset", "Label"];

    public static IEnumerable<IReadOnlyList<object?>> Rows(LibraryMap map) =>
        map.Regions.Select(r => (IReadOnlyList<object?>)[r.Id, r.Name, r.Value, r.Colour, r.Inset, r.Label]);

    public static byte[] Csv(LibraryMap map)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header(map).Select(CsvText.Quote)).Append("\r\n");
        foreach (var row in Rows(map))
        {
            csv.AppendJoin(',', row.Select(v => v switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                null => "",
                _ => CsvText.Quote(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""),
            })).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Workbook(LibraryMap map) => Xlsx.Write("Data", Header(map), Rows(map));
}
