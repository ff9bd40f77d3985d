using GoCart.Site.Data;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// One value column a panel can show: its header ("Population (people)"), unit and one value per region in the
/// view's order, and, for a dataset's column, the record computing its cartogram and how far that has got. Values
/// come from the submitted data, so a choropleth or a non-contiguous view of a column needs no engine run; its
/// contiguous cartogram is drawn once <see cref="Status"/> is <see cref="CartogramRecordStatus.Succeeded"/>.
/// </summary>
public sealed record ViewColumn(string Name, string Unit, IReadOnlyList<double?> Values)
{
    /// <summary>The record computing this column's cartogram.</summary>
    public string Key { get; init; } = "";

    /// <summary>Where the column's computation is; null when its record is no longer stored.</summary>
    public CartogramRecordStatus? Status { get; init; } = CartogramRecordStatus.Succeeded;

    /// <summary>Why the computation failed, for a failed column.</summary>
    public string? Error { get; init; }

    public bool IsComputed => Status == CartogramRecordStatus.Succeeded;

    public double Total => Values.Sum(v => v ?? 0);
}
