using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Engine;

/// <summary>
/// The cartogram and the equal-area map it was made from, region by region in the input order, in the input's
/// planar units. Both have exactly the same rings and vertex counts, so one can be morphed into the other.
/// </summary>
public sealed record EngineResult(
    CartogramStatus Status,
    IReadOnlyList<Geometry> Cartogram,
    IReadOnlyList<Geometry> EqualAreaMap,
    IReadOnlyList<double> TargetShares,
    IReadOnlyList<double> AreaErrors,
    EngineStatistics Statistics)
{
    /// <summary>The layer paths given to the engine, moved with the cartogram (densified: more points than given).</summary>
    public IReadOnlyList<Coordinate[]> LayerPaths { get; init; } = [];

    /// <summary>The same paths with the same points on the equal-area map, for the morph.</summary>
    public IReadOnlyList<Coordinate[]> EqualAreaLayerPaths { get; init; } = [];
}
