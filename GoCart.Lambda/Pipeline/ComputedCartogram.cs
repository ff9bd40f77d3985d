using GoCart.Lambda.Geo;
using GoCart.Lambda.Layers;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Pipeline;

/// <summary>
/// A finished cartogram, region by region in the map's order, with everything the response reports. Floored
/// regions were raised to the small-value floor; their target shares and errors are against the floored target.
/// </summary>
public sealed record ComputedCartogram(
    string Key,
    string? Projection,
    IReadOnlyList<SourceRegion> Regions,
    IReadOnlyList<double?> Values,
    IReadOnlyList<Geometry> Cartogram,
    IReadOnlyList<Geometry> EqualAreaMap,
    IReadOnlyList<double> TargetShares,
    IReadOnlyList<double> AreaErrors,
    IReadOnlyList<bool> Floored,
    CartogramRunStatistics Statistics,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Per region, the inset it is drawn in: its side (L, R, T, B) for the data's insets, the side and its id
    /// ("L 02") for a far-flung region made an inset of its own; null on the main map.
    /// </summary>
    public IReadOnlyList<string?> Insets { get; init; } = [];

    /// <summary>The request's layer features, moved with the cartogram.</summary>
    public IReadOnlyList<MovedLayerFeature> Layers { get; init; } = [];

    /// <summary>When the cartogram missed its accuracy goal: the sentence that says by how much, where, and what to try (<see cref="Convergence"/>).</summary>
    public string? Shortfall { get; init; }

    public bool Converged => Shortfall is null;
}
