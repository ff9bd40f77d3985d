namespace GoCart.Lambda.Geo;

/// <summary>An input map as read: its regions in file order, what was repaired or skipped, and its coordinate kind.</summary>
public sealed record SourceMap(IReadOnlyList<SourceRegion> Regions, IReadOnlyList<string> Warnings, bool IsLonLat, string RegionIdProperty)
{
    /// <summary>Regions left out because they have no usable area (their values cannot be shown).</summary>
    public IReadOnlyList<DroppedRegion> Dropped { get; init; } = [];

    /// <summary>Every property that could identify the regions, the feature-level id first.</summary>
    public IReadOnlyList<RegionIdCandidate> IdCandidates { get; init; } = [];

    /// <summary>Regions far from the main land mass, with the inset side (L, R, T, B) suggested for each.</summary>
    public IReadOnlyDictionary<string, string> FarFlung { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Regions on the main map that also have polygons far from it (France's Réunion and French Guiana on a map of
    /// the EU), with those polygons' indexes in the region's geometry.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> FarParts { get; init; } = new Dictionary<string, IReadOnlyList<int>>();
}
