using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Pipeline.Simplification;

/// <summary>
/// The cartogram and its equal-area map as one set of rings over shared vertices: a vertex is a point with the same
/// position in both maps (within <see cref="VertexWelder"/>'s tolerance), stored once however many rings run through
/// it, so a border two regions share is the same run of vertices in both rings. A vertex inside an arc (exactly two
/// distinct neighbours, in at most two rings, once per ring) may be removed; every other vertex is a node where arcs
/// meet and stays.
/// </summary>
internal sealed class MorphTopology
{
    private MorphTopology(int rings, int positions)
    {
        RingStart = new int[rings + 1];
        RingRegion = new int[rings];
        RingIsHole = new bool[rings];
        PositionVertex = new int[positions];
    }

    /// <summary>Vertex positions in the cartogram (C) and on the equal-area map (E), VertexCount long.</summary>
    public double[] CX { get; private set; } = [];

    public double[] CY { get; private set; } = [];

    public double[] EX { get; private set; } = [];

    public double[] EY { get; private set; } = [];

    /// <summary>Ring r holds positions RingStart[r] .. RingStart[r + 1]; position p is vertex PositionVertex[p].</summary>
    public int[] RingStart { get; }

    public int[] RingRegion { get; }

    public bool[] RingIsHole { get; }

    public int[] PositionVertex { get; }

    public int VertexCount { get; private set; }

    public int RingCount => RingRegion.Length;

    public int PositionCount => PositionVertex.Length;

    /// <summary>Ring positions (closing points not counted) of every region: an upper bound of the distinct vertices.</summary>
    public static int Positions(IReadOnlyList<Geometry> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var positions = 0;
        foreach (var region in regions)
        {
            positions += region.NumPoints - Rings(region).Count;
        }

        return positions;
    }

    /// <summary>Reads both maps; they must have the same rings with the same number of points, as the engine writes them.</summary>
    public static MorphTopology Build(IReadOnlyList<Geometry> cartogram, IReadOnlyList<Geometry> equalArea)
    {
        var rings = new List<(int Region, bool IsHole, CoordinateSequence Cartogram, CoordinateSequence EqualArea)>();
        var positions = 0;
        for (var region = 0; region < cartogram.Count; region++)
        {
            var cartogramRings = Rings(cartogram[region]);
            var equalAreaRings = Rings(equalArea[region]);
            if (cartogramRings.Count != equalAreaRings.Count)
            {
                throw new InvalidOperationException($"Region {region}: the cartogram and the equal-area map have different rings.");
            }

            for (var r = 0; r < cartogramRings.Count; r++)
            {
                var c = cartogramRings[r].Ring.CoordinateSequence;
                var e = equalAreaRings[r].Ring.CoordinateSequence;
                if (c.Count != e.Count)
                {
                    throw new InvalidOperationException($"Region {region}: a ring has {c.Count} points in the cartogram and {e.Count} on the equal-area map.");
                }

                rings.Add((region, cartogramRings[r].IsHole, c, e));
                positions += c.Count - 1;
            }
        }

        var topology = new MorphTopology(rings.Count, positions);
        var welder = new VertexWelder(Extent(cartogram), Extent(equalArea), positions);
        var p = 0;
        for (var r = 0; r < rings.Count; r++)
        {
            var (region, isHole, c, e) = rings[r];
            topology.RingStart[r] = p;
            topology.RingRegion[r] = region;
            topology.RingIsHole[r] = isHole;
            var first = p;
            for (var i = 0; i < c.Count - 1; i++, p++)
            {
                var previous = p > first ? topology.PositionVertex[p - 1] : -1;
                var wrapping = i == c.Count - 2 && p > first ? topology.PositionVertex[first] : -1;
                topology.PositionVertex[p] = welder.Vertex(c.GetX(i), c.GetY(i), e.GetX(i), e.GetY(i), previous, wrapping);
            }
        }

        topology.RingStart[rings.Count] = p;
        topology.VertexCount = welder.Count;
        (topology.CX, topology.CY, topology.EX, topology.EY) = welder.Positions();
        return topology;
    }

    /// <summary>Every ring of a polygonal geometry in writing order: per polygon its shell, then its holes.</summary>
    public static List<(LineString Ring, bool IsHole)> Rings(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var rings = new List<(LineString, bool)>();
        for (var k = 0; k < geometry.NumGeometries; k++)
        {
            var polygon = (Polygon)geometry.GetGeometryN(k);
            rings.Add((polygon.Shell, false));
            foreach (var hole in polygon.Holes)
            {
                rings.Add((hole, true));
            }
        }

        return rings;
    }

    private static Envelope Extent(IReadOnlyList<Geometry> regions)
    {
        var extent = new Envelope();
        foreach (var region in regions)
        {
            extent.ExpandToInclude(region.EnvelopeInternal);
        }

        return extent;
    }
}
