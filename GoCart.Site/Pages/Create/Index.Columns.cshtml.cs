using GoCart.Site.Cartograms;
using GoCart.Site.Maps;
using Microsoft.AspNetCore.Mvc;

namespace GoCart.Site.Pages.Create;

/// <summary>
/// The create page's value columns after the first: each its own cartogram of the same dataset. Added, renamed
/// (name and unit in the table's header) and deleted with the form's own buttons, so no JavaScript is needed;
/// an uploaded file fills one per value column beyond the one the table starts with.
/// </summary>
public sealed partial class IndexModel
{
    /// <summary>The columns after the first, in order; each row's <see cref="TableRow.More"/> holds their values.</summary>
    [BindProperty]
    public List<TableColumn> MoreColumns { get; set; } = [];

    /// <summary>"Add a column": an empty column at the end of the table.</summary>
    public async Task<IActionResult> OnPostAddColumnAsync(CancellationToken cancellation)
    {
        if (!await LoadMapAsync(cancellation))
        {
            return Page();
        }

        AlignMoreColumns();
        if (MoreColumns.Count + 1 >= ApiColumns.MaxColumns)
        {
            Error = $"A dataset holds at most {ApiColumns.MaxColumns} columns; delete one to add another.";
        }
        else
        {
            MoreColumns.Add(new TableColumn { Name = $"Column {MoreColumns.Count + 2}" });
            Rows.ForEach(r => r.More.Add(null));
            Notice = $"Column {MoreColumns.Count + 1} added: name it, give its unit and type its values.";
        }

        ModelState.Clear();
        return Page();
    }

    /// <summary>"Delete" under a column's header: removes that column and its values.</summary>
    public async Task<IActionResult> OnPostDeleteColumnAsync(int delete, CancellationToken cancellation)
    {
        if (!await LoadMapAsync(cancellation))
        {
            return Page();
        }

        AlignMoreColumns();
        if (delete >= 0 && delete < MoreColumns.Count)
        {
            Notice = $"The column \"{MoreColumns[delete].Header}\" is deleted.";
            MoreColumns.RemoveAt(delete);
            Rows.ForEach(r => r.More.RemoveAt(delete));
        }

        ModelState.Clear();
        return Page();
    }

    /// <summary>Every value column of an uploaded table beyond the one the table shows first, matched to the regions.</summary>
    private void FillMoreColumns(UploadedData data)
    {
        MoreColumns = [];
        Rows.ForEach(r => r.More = []);
        foreach (var header in data.ValueColumns.Where(c => c != data.ValueColumn).Take(ApiColumns.MaxColumns - 1))
        {
            var values = RegionMatcher.Match(Regions(), data.RowsOf(header)).Rows.ToDictionary(r => r.Id, r => r.Value, StringComparer.Ordinal);
            MoreColumns.Add(TableColumn.FromHeader(header));
            Rows.ForEach(r => r.More.Add(TableValue.Format(values.GetValueOrDefault(r.Id))));
        }
    }

    /// <summary>A stored dataset's columns after the first, for "Edit the data and make another".</summary>
    private void FillMoreColumns(DatasetTable table)
    {
        var columns = table.Header.Count - 5;
        var byId = table.Rows.ToDictionary(r => (string)r[0]!, StringComparer.Ordinal);
        MoreColumns = [.. table.Header.Skip(2).Take(columns).Select(TableColumn.FromHeader)];
        foreach (var row in Rows)
        {
            row.More = byId.TryGetValue(row.Id, out var cells)
                ? [.. cells.Skip(2).Take(columns).Select(v => TableValue.Format(v as double?))]
                : [.. Enumerable.Repeat<string?>(null, columns)];
        }
    }

    /// <summary>
    /// Each added column's header and values, or an error that names what to fix: a column without a name, two
    /// columns of the same name, or cells that are not numbers of zero or more.
    /// </summary>
    private List<(string Header, IReadOnlyList<double?> Values)>? ReadMoreColumns(string first)
    {
        AlignMoreColumns();
        var read = new List<(string, IReadOnlyList<double?>)>();
        var headers = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { first };
        for (var j = 0; j < MoreColumns.Count; j++)
        {
            var header = MoreColumns[j].Header;
            if (string.IsNullOrWhiteSpace(MoreColumns[j].Name))
            {
                Error = $"Column {j + 2} has no name: name it (and give its unit), or delete it.";
                return null;
            }

            if (!headers.Add(header))
            {
                Error = $"Two columns are named \"{header}\": give each column its own name.";
                return null;
            }

            var values = new List<double?>(Rows.Count);
            var bad = new List<string>();
            foreach (var row in Rows)
            {
                if (TableValue.TryParse(row.More[j], out var value))
                {
                    values.Add(value);
                }
                else
                {
                    bad.Add($"{Names.GetValueOrDefault(row.Id, row.Id)} (\"{row.More[j]}\")");
                }
            }

            if (bad.Count > 0)
            {
                Error = $"These values of \"{header}\" are not numbers of zero or more: {string.Join("; ", bad.Take(10))}{(bad.Count > 10 ? $" and {bad.Count - 10} more" : "")}. Leave a cell empty (or NA) for a missing value.";
                return null;
            }

            read.Add((header, values));
        }

        return read;
    }

    /// <summary>Gives every row one value per added column (a form may leave trailing cells out).</summary>
    private void AlignMoreColumns()
    {
        foreach (var row in Rows)
        {
            while (row.More.Count < MoreColumns.Count)
            {
                row.More.Add(null);
            }

            if (row.More.Count > MoreColumns.Count)
            {
                row.More.RemoveRange(MoreColumns.Count, row.More.Count - MoreColumns.Count);
            }
        }
    }
}
