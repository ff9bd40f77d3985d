namespace GoCart.Site.Maps;

/// <summary>
/// Rows read from an uploaded CSV, workbook or pasted cells, the value columns offered and the one used, and
/// for a workbook its sheets and the one read.
/// </summary>
public sealed record UploadedData(IReadOnlyList<DataRow> Rows, IReadOnlyList<string> ValueColumns, string ValueColumn)
{
    public IReadOnlyList<string> Sheets { get; init; } = [];

    public string? Sheet { get; init; }

    /// <summary>The table as the CSV text it was read from (a workbook's sheet converted), to read its other value columns from.</summary>
    public string Csv { get; init; } = "";

    /// <summary>The rows of another of <see cref="ValueColumns"/>, read from the same table.</summary>
    public IReadOnlyList<DataRow> RowsOf(string valueColumn) => DataFiles.FromCsv(Csv, valueColumn).Rows;
}
