namespace GoCart.Site.Cartograms.Rendering;

/// <summary>A succeeded cartogram ready to show: what its panels are drawn from, the regions' table and the run's figures.</summary>
public sealed record CartogramView(
    ResultScene Scene,
    IReadOnlyList<RegionRow> Regions,
    ResultStatistics Statistics,
    IReadOnlyList<string> Warnings,
    string ValueColumn,
    string Unit,
    double Total);

/// <summary>One line of the table view and of the tooltips; a floored region's error is against the small-value floor.</summary>
public sealed record RegionRow(string Id, string Name, double? Value, double Share, double AreaError, bool Floored, string Fill);
