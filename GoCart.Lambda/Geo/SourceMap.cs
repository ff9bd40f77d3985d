namespace GoCart.Lambda.Geo;

/// <summary>An input map as read: its regions in file order, what was repaired or skipped, and its coordinate kind.</summary>
public sealed record SourceMap(IReadOnlyList<SourceRegion> Regions, IReadOnlyList<string> Warnings, bool IsLonLat, string RegionIdProperty);
