using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace GoCart.Lambda.Geo.Projections;

/// <summary>
/// Joins the pieces of a polygon that its source cut at the antimeridian (GeoJSON splits rings there, RFC 7946
/// §3.1.9): Chukotka's halves either side of 180°, Fiji's islands, Wrangel Island. Once longitudes are unwrapped the
/// pieces lie side by side and share their cut edge exactly; left apart, the region would be a MultiPolygon whose
/// parts share an edge, which is invalid and ends as a self-intersection in the cartogram.
/// </summary>
internal static class AntimeridianParts
{
    public static Geometry Merge(Geometry unwrapped, GeometryFactory factory)
    {
        var cutPieces = new List<Geometry>();
        var others = new List<Polygon>();
        for (var p = 0; p < unwrapped.NumGeometries; p++)
        {
            var polygon = (Polygon)unwrapped.GetGeometryN(p);
            if (HasAntimeridianEdge(polygon.Shell.Coordinates))
            {
                cutPieces.Add(polygon);
            }
            else
            {
                others.Add(polygon);
            }
        }

        if (cutPieces.Count < 2)
        {
            return unwrapped;
        }

        var merged = UnaryUnionOp.Union(cutPieces);
        var polygons = Enumerable.Range(0, merged.NumGeometries).Select(i => merged.GetGeometryN(i)).OfType<Polygon>().Concat(others).ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    /// <summary>An edge along a meridian 180° away from Greenwich (±180°, or 540° after unwrapping).</summary>
    private static bool HasAntimeridianEdge(Coordinate[] ring)
    {
        for (var i = 1; i < ring.Length; i++)
        {
            if (ring[i].X == ring[i - 1].X && OnAntimeridian(ring[i].X))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OnAntimeridian(double longitude) => Math.Abs(Math.IEEERemainder(longitude, 360)) == 180;
}
