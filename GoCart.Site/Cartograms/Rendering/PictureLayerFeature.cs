using NetTopologySuite.Geometries;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>One layer feature as drawn on one map: its geometry on that map, its tooltip text and its dot radius (points).</summary>
public sealed record PictureLayerFeature(Geometry Geometry, string Title, double Radius, bool IsPoint)
{
    public const double DefaultRadius = 3;
    private const double LargestRadius = 9;

    /// <summary>The result's layer features on the cartogram or on the equal-area map; points with a size get areas in proportion to it.</summary>
    public static List<PictureLayerFeature> Of(IReadOnlyList<ResultLayerFeature> features, bool cartogram)
    {
        var largest = features.Select(f => f.Size ?? 0).DefaultIfEmpty(0).Max();
        return [.. features.Select(f => new PictureLayerFeature(
            cartogram ? f.Cartogram : f.EqualArea,
            f.Label is { } label ? $"{label} ({f.Layer})" : f.Layer,
            f.Size is { } size && largest > 0 ? Math.Max(1.5, LargestRadius * Math.Sqrt(size / largest)) : DefaultRadius,
            f.IsPoint))];
    }
}
