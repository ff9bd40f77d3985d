using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Pipeline.Simplification;

/// <summary>
/// One inset after simplification: both maps with the same rings and the same number of points per ring, the area
/// errors measured on them, and the number of distinct vertices before and after.
/// </summary>
public sealed record SimplifiedMap(
    IReadOnlyList<Geometry> Cartogram,
    IReadOnlyList<Geometry> EqualAreaMap,
    IReadOnlyList<double> AreaErrors,
    int PointsBefore,
    int PointsAfter);
