using System.Globalization;
using GoCart.Site.Data;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Datasets of several value columns: which record computes column k, and picking a column by index or name
/// (<c>?column=</c>). A cartogram submitted with one column is a dataset of that one column, with no rows here.
/// </summary>
public sealed class Datasets(GoCartDbContext database)
{
    /// <summary>The dataset's columns in order; a single-column cartogram answers one column computed by itself.</summary>
    public async Task<IReadOnlyList<DatasetColumn>> ColumnsAsync(CartogramRecord dataset, CancellationToken cancellation)
    {
        var columns = await database.DatasetColumns.AsNoTracking()
            .Where(c => c.DatasetKey == dataset.Key)
            .OrderBy(c => c.Index)
            .Select(c => new DatasetColumn(c.Index, c.Name, c.CartogramKey))
            .ToListAsync(cancellation);
        return columns.Count > 0 ? columns : [new DatasetColumn(0, "", dataset.Key)];
    }

    /// <summary>Column k's computed cartogram (its record, without payload), or null when the dataset has no column k.</summary>
    public async Task<CartogramRecord?> ColumnRecordAsync(CartogramRecord dataset, int index, CancellationToken cancellation)
    {
        var columns = await ColumnsAsync(dataset, cancellation);
        if (index < 0 || index >= columns.Count)
        {
            return null;
        }

        var key = columns[index].CartogramKey;
        return key == dataset.Key
            ? dataset
            : await database.Cartograms.AsNoTracking().Where(c => c.Key == key).WithoutPayload().FirstOrDefaultAsync(cancellation);
    }

    /// <summary>Each column with the record that computes it (without payload), for a page's list of columns and their states.</summary>
    public async Task<IReadOnlyList<(DatasetColumn Column, CartogramRecord? Record)>> ColumnRecordsAsync(CartogramRecord dataset, CancellationToken cancellation)
    {
        var columns = await ColumnsAsync(dataset, cancellation);
        var keys = columns.Select(c => c.CartogramKey).ToList();
        var records = await database.Cartograms.AsNoTracking().Where(c => keys.Contains(c.Key)).WithoutPayload().ToDictionaryAsync(c => c.Key, StringComparer.Ordinal, cancellation);
        return [.. columns.Select(c => (c, records.GetValueOrDefault(c.CartogramKey)))];
    }

    /// <summary>The keys of every record a dataset's columns are computed by, the dataset's own included.</summary>
    public IQueryable<string> RecordKeys(string datasetKey) =>
        database.DatasetColumns.Where(c => c.DatasetKey == datasetKey).Select(c => c.CartogramKey);

    /// <summary>
    /// The column a link asks for: its index (0, 1, ...) or its name, case-insensitively ("GDP (billion USD)",
    /// or the name without its unit, "GDP"); the first column when none is asked for; null for one that does not exist.
    /// </summary>
    public static int? Pick(IReadOnlyList<DatasetColumn> columns, string? column)
    {
        if (string.IsNullOrWhiteSpace(column))
        {
            return 0;
        }

        var wanted = column.Trim();
        if (int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index < columns.Count ? index : null;
        }

        var named = columns.FirstOrDefault(c => c.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? columns.FirstOrDefault(c => WithoutUnit(c.Name).Equals(wanted, StringComparison.OrdinalIgnoreCase));
        return named?.Index;
    }

    private static string WithoutUnit(string name) => name.Split('(', 2)[0].Trim();
}
