using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Pipeline.Simplification;

/// <summary>What the simplification tests measure on delivered regions: points, shared vertices and crossing edges.</summary>
public static class SimplifiedGeometry
{
    /// <summary>Distinct points of the regions: a point neighbours share counted once.</summary>
    public static int DistinctPoints(IEnumerable<Geometry> regions) =>
        regions.SelectMany(RingsWithoutClosure).SelectMany(r => r).Select(c => (c.X, c.Y)).Distinct().Count();

    /// <summary>Every ring of a region, shells and holes, without its closing point.</summary>
    public static IEnumerable<Coordinate[]> RingsWithoutClosure(Geometry region) =>
        Enumerable.Range(0, region.NumGeometries).Select(k => (Polygon)region.GetGeometryN(k))
            .SelectMany(p => new[] { p.Shell }.Concat(p.Holes)).Select(r => r.Coordinates[..^1]);

    /// <summary>Each point and the regions whose rings pass through it ("0,3").</summary>
    public static Dictionary<(double, double), string> RegionsByVertex(IReadOnlyList<Geometry> regions)
    {
        var found = new Dictionary<(double, double), SortedSet<int>>();
        for (var i = 0; i < regions.Count; i++)
        {
            foreach (var c in RingsWithoutClosure(regions[i]).SelectMany(r => r))
            {
                (found.TryGetValue((c.X, c.Y), out var set) ? set : found[(c.X, c.Y)] = []).Add(i);
            }
        }

        return found.ToDictionary(f => f.Key, f => string.Join(",", f.Value));
    }

    /// <summary>Every pair of distinct edges that meet anywhere but at a shared end point.</summary>
    public static List<string> CrossingEdges(IReadOnlyList<Geometry> regions)
    {
        var edges = regions.SelectMany(RingsWithoutClosure)
            .SelectMany(r => r.Select((c, k) => (A: c, B: r[(k + 1) % r.Length])))
            .Select(e => Comparer(e.A, e.B) < 0 ? e : (A: e.B, B: e.A))
            .DistinctBy(e => (e.A.X, e.A.Y, e.B.X, e.B.Y)).ToList();
        var crossings = new List<string>();
        var intersector = new RobustLineIntersector();
        for (var i = 0; i < edges.Count; i++)
        {
            for (var j = i + 1; j < edges.Count; j++)
            {
                intersector.ComputeIntersection(edges[i].A, edges[i].B, edges[j].A, edges[j].B);
                if (!intersector.HasIntersection)
                {
                    continue;
                }

                var sharesEnd = edges[i].A.Equals2D(edges[j].A) || edges[i].A.Equals2D(edges[j].B) || edges[i].B.Equals2D(edges[j].A) || edges[i].B.Equals2D(edges[j].B);
                if (!sharesEnd || intersector.IntersectionNum > 1)
                {
                    crossings.Add($"{edges[i]} × {edges[j]}");
                }
            }
        }

        return crossings;
    }

    private static int Comparer(Coordinate a, Coordinate b) => a.CompareTo(b);
}
