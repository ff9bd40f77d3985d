namespace GoCart.Site.Pages.Create;

/// <summary>
/// A value column of the data table after the first, as posted: its name and its unit, edited in the table's
/// header; its values are <see cref="TableRow.More"/> at the same index.
/// </summary>
public sealed class TableColumn
{
    public string? Name { get; set; }

    public string? Unit { get; set; }

    /// <summary>The header as files and the legend write it: "GDP (million USD)", or the name alone without a unit.</summary>
    public string Header => Unit?.Trim() is { Length: > 0 } unit ? $"{Name?.Trim()} ({unit})" : Name?.Trim() ?? "";

    /// <summary>A column from a header such as "GDP (million USD)".</summary>
    public static TableColumn FromHeader(string header)
    {
        var unit = GoCart.Lambda.Drawing.Quantities.UnitOf(header);
        return unit.Length > 0
            ? new TableColumn { Name = header[..header.LastIndexOf('(')].Trim(), Unit = unit }
            : new TableColumn { Name = header.Trim() };
    }
}
