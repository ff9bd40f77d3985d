namespace GoCart.Site.Data;

/// <summary>
/// One value column of a dataset of several columns. The dataset's key is its first column's cartogram record
/// (the share link); each column points at the record that computes it, and columns whose values are identical
/// point at the same record, so they share one computation.
/// </summary>
public sealed class DatasetColumnRecord
{
    /// <summary>The dataset: the key of its first column's record.</summary>
    public required string DatasetKey { get; set; }

    /// <summary>The column's place in the dataset, from 0.</summary>
    public int Index { get; set; }

    /// <summary>The column's header with its unit: "GDP (billion USD)".</summary>
    public required string Name { get; set; }

    /// <summary>The record that computes this column's cartogram.</summary>
    public required string CartogramKey { get; set; }
}
