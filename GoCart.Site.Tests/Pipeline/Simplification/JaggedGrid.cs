using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Pipeline.Simplification;

/// <summary>
/// A k × k grid of unit cells whose shared borders are jagged (random offsets across each edge, kept inside a
/// narrow diamond around it so no two borders cross), plus one jagged island; the equal-area map is an affine
/// image of it (orientation kept), so every vertex has a known partner.
/// </summary>
public sealed class JaggedGrid
{
    private static readonly GeometryFactory Factory = new();

    private JaggedGrid(Geometry[] cartogram, Geometry[] equalArea)
    {
        Cartogram = cartogram;
        EqualArea = equalArea;
    }

    public IReadOnlyList<Geometry> Cartogram { get; }

    public IReadOnlyList<Geometry> EqualArea { get; }

    public static Coordinate ToEqualArea(Coordinate c) => new((2 * c.X) + (0.3 * c.Y) + 5, (0.5 * c.Y) - (0.2 * c.X));

    /// <summary>A grid of <paramref name="cells"/>² cells, each edge with <paramref name="pointsPerEdge"/> points offset across it by at most <paramref name="amplitude"/> cells.</summary>
    public static JaggedGrid Create(int seed, int cells, int pointsPerEdge, double amplitude)
    {
        var random = new Random(seed);
        var horizontal = new Dictionary<(int, int), Coordinate[]>();
        var vertical = new Dictionary<(int, int), Coordinate[]>();
        for (var i = 0; i <= cells; i++)
        {
            for (var j = 0; j <= cells; j++)
            {
                horizontal[(i, j)] = Edge(random, new Coordinate(i, j), new Coordinate(i + 1, j), pointsPerEdge, amplitude);
                vertical[(i, j)] = Edge(random, new Coordinate(i, j), new Coordinate(i, j + 1), pointsPerEdge, amplitude);
            }
        }

        var regions = new List<Geometry>();
        for (var i = 0; i < cells; i++)
        {
            for (var j = 0; j < cells; j++)
            {
                var ring = new List<Coordinate>();
                ring.AddRange(horizontal[(i, j)][..^1]);
                ring.AddRange(vertical[(i + 1, j)][..^1]);
                ring.AddRange(horizontal[(i, j + 1)].Reverse().ToArray()[..^1]);
                ring.AddRange(vertical[(i, j)].Reverse().ToArray()[..^1]);
                ring.Add(ring[0].Copy());
                regions.Add(Factory.CreatePolygon([.. ring]));
            }
        }

        regions.Add(Factory.CreatePolygon(Island(random, new Coordinate(cells + 1.5, cells / 2.0), 0.3, 12)));
        var equalArea = regions.Select(g => (Geometry)Factory.CreatePolygon([.. g.Coordinates.Select(ToEqualArea)])).ToArray();
        return new JaggedGrid([.. regions], equalArea);
    }

    /// <summary>Offsets at most 0.9 of the distance to the nearer end, so edges meeting at a node stay in disjoint cones.</summary>
    private static Coordinate[] Edge(Random random, Coordinate from, Coordinate to, int points, double amplitude)
    {
        var (dx, dy) = (to.X - from.X, to.Y - from.Y);
        var edge = new Coordinate[points + 2];
        edge[0] = from;
        edge[^1] = to;
        for (var s = 1; s <= points; s++)
        {
            var t = (double)s / (points + 1);
            var offset = Math.Min(0.9 * Math.Min(t, 1 - t), amplitude) * ((2 * random.NextDouble()) - 1);
            edge[s] = new Coordinate(from.X + (t * dx) - (offset * dy), from.Y + (t * dy) + (offset * dx));
        }

        return edge;
    }

    private static Coordinate[] Island(Random random, Coordinate centre, double radius, int points)
    {
        var ring = new Coordinate[points + 1];
        for (var k = 0; k < points; k++)
        {
            var angle = 2 * Math.PI * k / points;
            var r = radius * (0.8 + (0.4 * random.NextDouble()));
            ring[k] = new Coordinate(centre.X + (r * Math.Cos(angle)), centre.Y + (r * Math.Sin(angle)));
        }

        ring[^1] = ring[0].Copy();
        return ring;
    }
}
