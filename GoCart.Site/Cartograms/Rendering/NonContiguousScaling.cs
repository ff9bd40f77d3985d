using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// The non-contiguous cartogram (Olson, 1976): each region is scaled about its own centroid, by √(target / area),
/// so that all regions have the same value per area as the densest one, which keeps its size (no region grows,
/// none overlaps a neighbour it did not touch). A region without a value is drawn at the mean density.
/// </summary>
public static class NonContiguousScaling
{
    /// <summary>Each region's target area, in the equal-area map's units.</summary>
    public static IReadOnlyList<double> TargetAreas(IReadOnlyList<Geometry> regions, IReadOnlyList<double?> values)
    {
        var densest = 0.0;
        double known = 0, knownArea = 0;
        for (var i = 0; i < regions.Count; i++)
        {
            if (values[i] is { } v && regions[i].Area > 0)
            {
                densest = Math.Max(densest, v / regions[i].Area);
                known += v;
                knownArea += regions[i].Area;
            }
        }

        var mean = knownArea > 0 ? known / knownArea : 0;
        return [.. regions.Select((r, i) => densest > 0 ? r.Area * (values[i] is { } v && r.Area > 0 ? v / r.Area : mean) / densest : r.Area)];
    }

    public static IReadOnlyList<Geometry> Scale(IReadOnlyList<Geometry> regions, IReadOnlyList<double?> values)
    {
        var scalings = Scalings(regions, values);
        return [.. regions.Select((region, i) => scalings[i].Transform(region))];
    }

    /// <summary>Each region's scaling about its centroid to its target area (a uniform scale multiplies areas by its square); layers move with it too.</summary>
    public static IReadOnlyList<AffineTransformation> Scalings(IReadOnlyList<Geometry> regions, IReadOnlyList<double?> values)
    {
        var targets = TargetAreas(regions, values);
        return [.. regions.Select((region, i) => ScalingTo(region, targets[i]))];
    }

    private static AffineTransformation ScalingTo(Geometry region, double area)
    {
        if (!(region.Area > 0))
        {
            return new AffineTransformation();
        }

        var centre = region.Centroid.Coordinate;
        var factor = Math.Sqrt(Math.Max(area, 0) / region.Area);
        return AffineTransformation.ScaleInstance(factor, factor, centre.X, centre.Y);
    }
}
