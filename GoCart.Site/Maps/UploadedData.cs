namespace GoCart.Site.Maps;

/// <summary>
/// Rows read from an uploaded CSV, workbook or pasted cells, the value columns offered and the one used, and
/// for a workbook its sheets and the one read.
/// </summary>
public sealed record UploadedData(IReadOnlyList<DataRow> Rows, IReadOnlyList<string> ValueColumns, string ValueColumn)
{
    public IReadOnlyList<string> Sheets { get; init; } = [];

    public string? Sheet { get; init; }
}
