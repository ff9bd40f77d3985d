namespace GoCart.Site.Maps;

/// <summary>Rows read from an uploaded CSV or XLSX file, the value columns it offers and the one used.</summary>
public sealed record UploadedData(IReadOnlyList<DataRow> Rows, IReadOnlyList<string> ValueColumns, string ValueColumn);
