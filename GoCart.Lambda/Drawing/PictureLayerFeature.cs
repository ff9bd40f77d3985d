using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Drawing;

/// <summary>One layer feature as drawn on one map: its geometry on that map, its tooltip text and its dot radius (points).</summary>
public sealed record PictureLayerFeature(Geometry Geometry, string Title, double Radius, bool IsPoint)
{
    public const double DefaultRadius = 3;
    public const double LargestRadius = 9;
    public const double SmallestRadius = 1.5;
}
