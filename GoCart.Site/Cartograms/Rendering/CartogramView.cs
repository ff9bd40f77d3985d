namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// A succeeded cartogram (or a dataset with at least one computed column) ready to show: what its panels are drawn
/// from, the regions' table and the run's figures of column <see cref="Shown"/>, whose name and unit these are.
/// </summary>
public sealed record CartogramView(
    ResultScene Scene,
    IReadOnlyList<RegionRow> Regions,
    ResultStatistics Statistics,
    IReadOnlyList<string> Warnings,
    string ValueColumn,
    string Unit,
    double Total,
    int Shown = 0);

/// <summary>
/// One line of the table view: the region's value in every column, and its share and area error in the column
/// shown; a floored region's error is against the small-value floor.
/// </summary>
public sealed record RegionRow(string Id, string Name, IReadOnlyList<double?> Values, double Share, double AreaError, bool Floored, string Fill);
