using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Pipeline.Simplification;

/// <summary>
/// The cartogram and its equal-area map as one set of rings over shared vertices: a vertex is a point with the same
/// position in both maps, stored once however many rings run through it, so a border two regions share is the
/// same run of vertices in both rings. A vertex inside an arc (exactly two distinct neighbours, in at most two
/// rings, once per ring) may be removed; every other vertex is a node where arcs meet and stays.
/// </summary>
internal sealed class MorphTopology
{
    private MorphTopology(IReadOnlyList<Geometry> cartogram, IReadOnlyList<Geometry> equalArea)
    {
        Cartogram = cartogram;
        EqualArea = equalArea;
    }

    public IReadOnlyList<Geometry> Cartogram { get; }

    public IReadOnlyList<Geometry> EqualArea { get; }

    /// <summary>Vertex positions in the cartogram (C) and on the equal-area map (E).</summary>
    public List<double> CX { get; } = [];

    public List<double> CY { get; } = [];

    public List<double> EX { get; } = [];

    public List<double> EY { get; } = [];

    /// <summary>Ring r holds positions RingStart[r] .. RingStart[r + 1]; position p is vertex PositionVertex[p].</summary>
    public List<int> RingStart { get; } = [0];

    public List<int> RingRegion { get; } = [];

    public List<bool> RingIsHole { get; } = [];

    public List<int> PositionVertex { get; } = [];

    public int VertexCount => CX.Count;

    public int RingCount => RingRegion.Count;

    /// <summary>Reads both maps; they must have the same rings with the same number of points, as the engine writes them.</summary>
    public static MorphTopology Build(IReadOnlyList<Geometry> cartogram, IReadOnlyList<Geometry> equalArea)
    {
        var topology = new MorphTopology(cartogram, equalArea);
        var ids = new Dictionary<(double, double, double, double), int>();
        for (var region = 0; region < cartogram.Count; region++)
        {
            var rings = Rings(cartogram[region]);
            var equalRings = Rings(equalArea[region]);
            if (rings.Count != equalRings.Count)
            {
                throw new InvalidOperationException($"Region {region}: the cartogram and the equal-area map have different rings.");
            }

            for (var r = 0; r < rings.Count; r++)
            {
                topology.AddRing(ids, region, rings[r], equalRings[r]);
            }
        }

        return topology;
    }

    /// <summary>Every ring of a polygonal geometry in writing order: per polygon its shell, then its holes.</summary>
    public static List<(LineString Ring, bool IsHole)> Rings(Geometry geometry)
    {
        var rings = new List<(LineString, bool)>();
        for (var k = 0; k < geometry.NumGeometries; k++)
        {
            var polygon = (Polygon)geometry.GetGeometryN(k);
            rings.Add((polygon.Shell, false));
            rings.AddRange(polygon.Holes.Select(h => ((LineString)h, true)));
        }

        return rings;
    }

    private void AddRing(Dictionary<(double, double, double, double), int> ids, int region, (LineString Ring, bool IsHole) ring, (LineString Ring, bool IsHole) equal)
    {
        var c = ring.Ring.CoordinateSequence;
        var e = equal.Ring.CoordinateSequence;
        if (c.Count != e.Count)
        {
            throw new InvalidOperationException($"Region {region}: a ring has {c.Count} points in the cartogram and {e.Count} on the equal-area map.");
        }

        for (var i = 0; i < c.Count - 1; i++)
        {
            var key = (c.GetX(i), c.GetY(i), e.GetX(i), e.GetY(i));
            if (!ids.TryGetValue(key, out var id))
            {
                id = CX.Count;
                ids.Add(key, id);
                CX.Add(key.Item1);
                CY.Add(key.Item2);
                EX.Add(key.Item3);
                EY.Add(key.Item4);
            }

            PositionVertex.Add(id);
        }

        RingStart.Add(PositionVertex.Count);
        RingRegion.Add(region);
        RingIsHole.Add(ring.IsHole);
    }
}
