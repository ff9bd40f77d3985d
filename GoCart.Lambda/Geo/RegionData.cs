namespace GoCart.Lambda.Geo;

/// <summary>
/// A region data table (maps/README.md layout): the first column's header names the map property that holds
/// region ids; value columns are named "Name (unit)"; Color/Colour, Inset and Label are optional.
/// </summary>
public sealed record RegionData(string IdColumn, IReadOnlyList<string> ValueColumns, string ValueColumn, IReadOnlyList<RegionDataRow> Rows);
