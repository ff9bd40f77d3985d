using GoCart.Lambda.Geo;
using GoCart.Site.Maps;

namespace GoCart.Site.Cartograms;

/// <summary>
/// The "columns" of POST /api/v1/cartograms: names of the request CSV's value columns, or each column's name and
/// values. Every problem names the entry to fix (<c>columns[1].name</c>).
/// </summary>
public static class ApiColumns
{
    /// <summary>The most columns one request may hold: each is an engine run.</summary>
    public const int MaxColumns = 20;

    public static IReadOnlyList<(IReadOnlyList<DataRow> Rows, string Column, string Field)> Read(IReadOnlyList<ColumnBody> columns, string? csv)
    {
        if (columns.Count > MaxColumns)
        {
            throw new MapInputException($"\"columns\" has {columns.Count} entries; one request may compute at most {MaxColumns}. Send the rest in another request.") { Field = "columns" };
        }

        var read = new List<(IReadOnlyList<DataRow>, string, string)>(columns.Count);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (column?.Name is not { Length: > 0 } given || given.Trim().Length == 0)
            {
                throw new MapInputException($"Column {i} of \"columns\" has no \"name\": give each column its name with its unit, such as \"GDP (billion USD)\".") { Field = $"columns[{i}].name" };
            }

            var name = given.Trim();
            if (name.Length > 100)
            {
                throw new MapInputException($"The name of column {i} is {name.Length} characters long; keep it to 100.") { Field = $"columns[{i}].name" };
            }

            if (!names.Add(name))
            {
                throw new MapInputException($"Two columns are named \"{name}\"; give each column its own name.") { Field = $"columns[{i}].name" };
            }

            if (csv is not null)
            {
                if (column.Values is not null)
                {
                    throw new MapInputException($"Column \"{name}\" has \"values\" while the data is in \"csv\": with \"csv\", \"columns\" only names its value columns.") { Field = $"columns[{i}].values" };
                }

                var data = CartogramApi.CsvColumn(csv, name);
                read.Add((data.Rows, data.ValueColumn, "csv"));
            }
            else if (column.Values is { Count: > 0 } values)
            {
                read.Add(([.. values.Select(v => new DataRow(v.Key, v.Value))], name, $"columns[{i}].values"));
            }
            else
            {
                throw new MapInputException($"Column \"{name}\" has no \"values\": give region → number for each column, or the data as \"csv\".") { Field = $"columns[{i}].values" };
            }
        }

        return read;
    }
}
