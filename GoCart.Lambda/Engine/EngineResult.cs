using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Engine;

/// <summary>
/// The cartogram and the equal-area map it was made from, region by region in the input order, in the input's
/// planar units. Both have exactly the same rings and vertex counts, so one can be morphed into the other.
/// A floored region (its value at or below 1e-4 of the total, raised to that floor so it stays drawable) has its
/// target share and area error measured against the floored target. <see cref="Crossings"/> counts the pairs of
/// the cartogram's edges that cross (zero when no two regions overlap and no ring crosses another). Borders that
/// the source draws twice, a little apart, instead of sharing their points cross each other many times over
/// slivers of no measurable area, so a count above zero is not by itself a visible overlap.
/// </summary>
public sealed record EngineResult(
    CartogramStatus Status,
    IReadOnlyList<Geometry> Cartogram,
    IReadOnlyList<Geometry> EqualAreaMap,
    IReadOnlyList<double> TargetShares,
    IReadOnlyList<double> AreaErrors,
    IReadOnlyList<bool> Floored,
    int Crossings,
    EngineStatistics Statistics)
{
    /// <summary>The layer paths given to the engine, moved with the cartogram (densified: more points than given).</summary>
    public IReadOnlyList<Coordinate[]> LayerPaths { get; init; } = [];

    /// <summary>The same paths with the same points on the equal-area map, for the morph.</summary>
    public IReadOnlyList<Coordinate[]> EqualAreaLayerPaths { get; init; } = [];
}
