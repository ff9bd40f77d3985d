using GoCart.Lambda.Drawing;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Index.Strtree;

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

        var index = new STRtree<int>();
        for (var i = 0; i < regions.Count; i++)
        {
            index.Insert(regions[i].EnvelopeInternal, i);
        }

        var prepared = new IPreparedGeometry?[regions.Count];
        var factory = regions.Count > 0 ? regions[0].Factory : new GeometryFactory();
        int Region(Coordinate point)
        {
            var geometry = factory.CreatePoint(point);
            foreach (var i in index.Query(new Envelope(point)).Order())
            {
                if ((prepared[i] ??= PreparedGeometryFactory.Prepare(regions[i])).Covers(geometry))
                {
                    return i;
                }
            }

            return -1;
        }

        return [.. layers.Select(feature =>
        {
            var moved = feature.Geometry.Copy();
            moved.Apply(new VertexFilter(point => Region(point) is var r and >= 0 ? scalings[r].Transform(point, new Coordinate()) : point));
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
