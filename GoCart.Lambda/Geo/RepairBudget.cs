using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Noding;

namespace GoCart.Lambda.Geo;

/// <summary>
/// How much repair a region may ask for. GeometryFixer nodes every crossing of a region's rings: a real boundary's
/// few slips cost nothing, but a ring that crosses itself everywhere (a planar map's metres read as degrees, which
/// wrap round the globe many times) has millions of crossings and took 22 GB before it was killed. Counting the
/// crossings with a monotone-chain index stops as soon as the budget is exceeded, in time and memory proportional
/// to the vertices, so such a region fails at once with a message instead.
/// </summary>
internal static class RepairBudget
{
    public const int MaxCrossings = 10_000;

    /// <summary>Whether the geometry's rings cross one another or themselves at most <see cref="MaxCrossings"/> times.</summary>
    public static bool Allows(Geometry geometry)
    {
        var rings = new List<ISegmentString>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon)
            {
                rings.Add(new BasicSegmentString(polygon.Shell.Coordinates, null));
                rings.AddRange(polygon.Holes.Select(h => new BasicSegmentString(h.Coordinates, null)));
            }
        }

        var counter = new CrossingCounter(MaxCrossings);
        new MCIndexNoder(counter).ComputeNodes(rings);
        return !counter.IsDone;
    }

    public static string TooTangled(string named) =>
        $"Region {named} has boundaries that cross themselves more than {MaxCrossings:N0} times, too many to repair. " +
        "If the map is in projected coordinates (metres), say so (\"projected\": true in the GeoJSON, or the shapefile's .prj) rather than letting it be read as longitude/latitude; " +
        "otherwise clean its boundaries first, for example with mapshaper's -clean.";

    /// <summary>Counts pairs of segments that intersect other than at the vertex two neighbours share; done past the limit.</summary>
    private sealed class CrossingCounter(int limit) : ISegmentIntersector
    {
        private readonly RobustLineIntersector _intersector = new();
        private int _count;

        public bool IsDone => _count > limit;

        public void ProcessIntersections(ISegmentString e0, int segIndex0, ISegmentString e1, int segIndex1)
        {
            if (e0 == e1 && Neighbours(segIndex0, segIndex1, e0.Count - 1))
            {
                return;
            }

            _intersector.ComputeIntersection(e0.Coordinates[segIndex0], e0.Coordinates[segIndex0 + 1], e1.Coordinates[segIndex1], e1.Coordinates[segIndex1 + 1]);
            if (_intersector.HasIntersection)
            {
                _count++;
            }
        }

        /// <summary>Consecutive segments of a closed ring of <paramref name="segments"/> segments (the last and the first too).</summary>
        private static bool Neighbours(int a, int b, int segments) =>
            Math.Abs(a - b) <= 1 || Math.Abs(a - b) == segments - 1;
    }
}
