using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo.Projections;

/// <summary>
/// Projects a longitude/latitude map (or one inset group of it) to the plane: choose the cut meridian, make
/// longitudes continuous, join the pieces the antimeridian cut apart, choose the projection for the resulting
/// extent and project every vertex.
/// </summary>
public static class MapProjector
{
    /// <param name="lonLat">The regions in longitude/latitude.</param>
    /// <param name="names">How messages name each region, quotes included (default: its position).</param>
    public static ProjectedMap Project(IReadOnlyList<Geometry> lonLat, IReadOnlyList<string>? names = null)
    {
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        var cut = CutMeridian.Choose(lonLat);
        // Regions are unwrapped, projected and checked independently (the validity check is most of the work): in parallel.
        var unwrapped = RegionsInParallel.Map(lonLat.Count, i => AntimeridianParts.Merge(LongitudeUnwrapper.Unwrap(lonLat[i], cut, factory), factory));
        var extent = new Envelope();
        foreach (var geometry in unwrapped)
        {
            extent.ExpandToInclude(geometry.EnvelopeInternal);
        }

        var projection = ProjectionChooser.Choose(extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
        var projected = RegionsInParallel.Map(unwrapped.Length, i => PolygonRepair.Oriented(PolygonRepair.Untangled(Apply(unwrapped[i], projection), names?[i] ?? $"number {i + 1}"), factory));
        return new ProjectedMap(projected, projection);
    }

    private static Geometry Apply(Geometry geometry, IEqualAreaProjection projection)
    {
        var copy = geometry.Copy();
        copy.Apply(new ProjectionFilter(projection));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class ProjectionFilter(IEqualAreaProjection projection) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = projection.Forward(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
