using GoCart.Lambda.Drawing;
using GoCart.Lambda.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// Layers on a non-contiguous cartogram: each vertex of a place or line moves with the region it lies in on the
/// equal-area map, scaled about that region's centroid as the region is (<see cref="NonContiguousScaling"/>), so a
/// place stays inside its region; a vertex in no region (at sea) stays where it is.
/// </summary>
public static class NonContiguousLayers
{
    public static IReadOnlyList<PictureLayerFeature> Move(IReadOnlyList<Geometry> regions, IReadOnlyList<AffineTransformation> scalings, IReadOnlyList<PictureLayerFeature> layers)
    {
        if (layers.Count == 0)
        {
            return [];
        }

        var locator = new RegionLocator(regions);

        return [.. layers.Select(feature =>
        {
            var moved = feature.Geometry.Copy();
            moved.Apply(new VertexFilter(point => locator.Find(point) is var r and >= 0 ? scalings[r].Transform(point, new Coordinate()) : point));
            return feature with { Geometry = moved };
        })];
    }

    private sealed class VertexFilter(Func<Coordinate, Coordinate> move) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence sequence, int i)
        {
            var to = move(new Coordinate(sequence.GetX(i), sequence.GetY(i)));
            sequence.SetX(i, to.X);
            sequence.SetY(i, to.Y);
        }
    }
}
