namespace GoCart.Lambda.Geo;

/// <summary>One row of a region data table: id, value (null = missing) and the optional presentation columns.</summary>
public sealed record RegionDataRow(int Line, string Id, double? Value, string? Colour, string? Inset, string? Label);
